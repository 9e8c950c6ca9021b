package org.vhostuser.spec.registry;

import java.util.List;

/** What the registry is and which public sources it follows. */
public record RegistryInfo(String title, List<SourceDocument> sources) {
  public RegistryInfo {
    sources = List.copyOf(sources);
  }
}
