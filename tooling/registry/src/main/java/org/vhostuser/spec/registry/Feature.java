package org.vhostuser.spec.registry;

import java.util.List;

/** One feature bit: what it means, what it needs and which messages it makes legal. */
public record Feature(
    FeatureKind kind,
    String name,
    Long bit,
    String summary,
    List<Ref> dependsOn,
    List<Ref> enables,
    Status status,
    List<String> previousNames,
    Deprecation deprecated,
    String proposal,
    String owner,
    List<String> notes,
    SourcePosition at) {
  public Feature {
    dependsOn = List.copyOf(dependsOn);
    enables = List.copyOf(enables);
    previousNames = List.copyOf(previousNames);
    notes = List.copyOf(notes);
  }
}
