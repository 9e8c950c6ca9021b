package org.vhostuser.spec.registry;

import java.util.List;

/** The header that precedes every payload: its fields, its flag bits and the protocol limits. */
public record Header(List<Field> fields, List<EnumMember> flags, List<Limit> limits) {
  public Header {
    fields = List.copyOf(fields);
    flags = List.copyOf(flags);
    limits = List.copyOf(limits);
  }

  /** The limit with this name, if the header declares it. */
  public java.util.Optional<Limit> limit(String name) {
    return limits.stream().filter(l -> name.equals(l.name())).findFirst();
  }
}
