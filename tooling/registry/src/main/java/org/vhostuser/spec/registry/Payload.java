package org.vhostuser.spec.registry;

import java.util.List;

/** A payload layout: typed fields, packed, with an optional stated size that is checked. */
public record Payload(
    String name,
    String summary,
    List<String> cNames,
    Long statedSize,
    List<Field> fields,
    List<String> notes,
    SourcePosition at) {
  public Payload {
    cNames = List.copyOf(cNames);
    fields = List.copyOf(fields);
    notes = List.copyOf(notes);
  }
}
