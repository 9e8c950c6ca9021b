package org.vhostuser.spec.registry;

import java.util.Locale;

/** Where an entry stands in its life: agreed, on its way out, in flight, or a claimed number. */
public enum Status {
  STABLE,
  DEPRECATED,
  PROPOSED,
  RESERVED;

  /** The spelling used in the YAML files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for entries that are not yet agreed: generators and the site treat them apart. */
  public boolean isTentative() {
    return this == PROPOSED || this == RESERVED;
  }
}
