package org.vhostuser.spec.wire;

import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Layouts.FieldLayout;
import org.vhostuser.spec.registry.Layouts.PayloadLayout;

/**
 * Builds a payload from the registry's layout by field path ({@code index},
 * {@code regions[0].memory_size}), so the probe and the stub write no offsets by hand.
 */
final class PayloadBuilder {
  private final Layouts layouts;
  private final PayloadLayout layout;
  private final byte[] bytes;

  /** A zeroed payload; a trailing flexible array gets {@code elements} elements. */
  PayloadBuilder(Layouts layouts, String payload, int elements) {
    this.layouts = layouts;
    this.layout = layouts.of(payload).orElseThrow(
        () -> new IllegalArgumentException("the registry has no layout for payload " + payload));
    long size = layout.size();
    if (layout.endsFlexible()) {
      FieldLayout last = layout.fields().get(layout.fields().size() - 1);
      size += elements * last.elementSize();
    }
    this.bytes = new byte[(int) size];
  }

  /** Sets the integer at a field path. */
  PayloadBuilder set(String path, long value) {
    PayloadLayout current = layout;
    long offset = 0;
    String[] parts = path.split("\\.");
    for (int p = 0; p < parts.length; p++) {
      String part = parts[p];
      int index = 0;
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        part = part.substring(0, bracket);
      }
      FieldLayout field = find(current, part, path);
      offset += field.offset() + index * field.elementSize();
      if (p == parts.length - 1) {
        Bytes.put(bytes, (int) offset, (int) field.elementSize(), value);
        return this;
      }
      String type = field.field().type().name();
      current = layouts.of(type).orElseThrow(
          () -> new IllegalArgumentException(path + ": " + type + " is not a payload"));
    }
    return this;
  }

  /** The payload's bytes. */
  byte[] bytes() {
    return bytes.clone();
  }

  private static FieldLayout find(PayloadLayout layout, String name, String path) {
    for (FieldLayout f : layout.fields()) {
      if (f.field().name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(path + ": payload " + layout.payload().name()
        + " has no field " + name);
  }
}
