package org.vhostuser.spec.conform;

import java.util.List;
import org.vhostuser.spec.registry.Status;

/** A registry entry an implementation constant can correspond to. */
record Target(Table table, String name, long number, List<String> previousNames, Status status) {

  /** The registry tables a constant can belong to. */
  enum Table {
    FRONT_END("front-end message", "id"),
    BACK_END("back-end message", "id"),
    PROTOCOL_FEATURE("protocol feature", "bit"),
    VIRTIO_FEATURE("virtio feature", "bit"),
    CONSTANT("constant", "value");

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
