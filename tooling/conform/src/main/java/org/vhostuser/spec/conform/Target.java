package org.vhostuser.spec.conform;

import java.util.List;
import org.vhostuser.spec.registry.Status;

/**
 * A registry entry an implementation constant can correspond to. {@code group} is the registry
 * enum an enum member belongs to (null for other tables); {@code alternative} is a second number
 * accepted for it (the bit number of a single-bit flag named like a feature bit, which C headers
 * such as the kernel's write instead of the mask), or null.
 */
record Target(Table table, String name, long number, List<String> previousNames, Status status,
    String group, Long alternative) {

  Target(Table table, String name, long number, List<String> previousNames, Status status) {
    this(table, name, number, previousNames, status, null, null);
  }

  /** True when {@code value} is this entry's number or its accepted alternative. */
  boolean accepts(long value) {
    return value == number || (alternative != null && value == alternative);
  }

  /** The registry tables a constant can belong to, in the order findings are read. */
  enum Table {
    FRONT_END("front-end message", "id"),
    BACK_END("back-end message", "id"),
    PROTOCOL_FEATURE("protocol feature", "bit"),
    HEADER_FLAG("header flag", "value"),
    CONSTANT("enum member", "value"),
    LIMIT("limit", "value"),
    VIRTIO_FEATURE("virtio feature", "bit");

    final String description;
    final String numberWord;

    Table(String description, String numberWord) {
      this.description = description;
      this.numberWord = numberWord;
    }

    /** True for tables whose numbers are bit positions (masks are converted). */
    boolean isBits() {
      return this == PROTOCOL_FEATURE || this == VIRTIO_FEATURE;
    }
  }
}
