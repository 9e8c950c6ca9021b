package org.vhostuser.spec.registry;

import java.util.List;

/** One member of an enum: a value, or for bit sets a single bit or a mask of bits. */
public record EnumMember(
    String name,
    Long value,
    Long bit,
    Long mask,
    String summary,
    List<String> previousNames,
    List<String> notes,
    SourcePosition at) {
  public EnumMember {
    previousNames = List.copyOf(previousNames);
    notes = List.copyOf(notes);
  }

  /** The number this member stands for: the value, the bit as a mask, or the mask. */
  public Long numericValue() {
    if (value != null) {
      return value;
    }
    if (bit != null) {
      return bit >= 0 && bit < 64 ? 1L << bit : null;
    }
    return mask;
  }
}
