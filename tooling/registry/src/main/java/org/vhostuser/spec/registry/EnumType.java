package org.vhostuser.spec.registry;

import java.util.List;

/** A named set of values or flags that some payload field or header field takes. */
public record EnumType(
    String name,
    String summary,
    EnumKind kind,
    String type,
    List<EnumMember> members,
    List<String> notes,
    SourcePosition at) {
  public EnumType {
    members = List.copyOf(members);
    notes = List.copyOf(notes);
  }
}
