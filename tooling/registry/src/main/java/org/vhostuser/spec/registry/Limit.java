package org.vhostuser.spec.registry;

import java.util.List;

/** A protocol-wide constant: a version, a size, a maximum count. */
public record Limit(String name, Long value, String summary, List<String> notes, SourcePosition at) {
  public Limit {
    notes = List.copyOf(notes);
  }
}
