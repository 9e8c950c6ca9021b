package org.vhostuser.spec.registry;

import java.util.List;

/**
 * One field of a payload. {@code type} is a primitive ({@code u8} ... {@code u64}, {@code i64})
 * or the name of a nested payload; {@code count} is null for a single value, a number for a fixed
 * array; {@code flexible} marks a trailing array whose length the message gives.
 * {@code countField} names the field of the same payload that says how many elements of this
 * array a message carries (the rest are not sent), which makes the payload's size variable.
 */
public record Field(
    String name,
    Ref type,
    Long count,
    boolean flexible,
    Long maxCount,
    boolean padding,
    Ref values,
    String summary,
    List<String> notes,
    SourcePosition at,
    Ref countField) {
  public Field {
    notes = List.copyOf(notes);
  }

  /** A field whose array, if any, is sent whole. */
  public Field(String name, Ref type, Long count, boolean flexible, Long maxCount, boolean padding,
      Ref values, String summary, List<String> notes, SourcePosition at) {
    this(name, type, count, flexible, maxCount, padding, values, summary, notes, at, null);
  }

  /** True when the field holds more than one element. */
  public boolean isArray() {
    return count != null || flexible;
  }
}
