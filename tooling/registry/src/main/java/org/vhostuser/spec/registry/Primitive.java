package org.vhostuser.spec.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The fixed-width integer types a payload field can have. */
public enum Primitive {
  U8(1, false),
  U16(2, false),
  U32(4, false),
  U64(8, false),
  I8(1, true),
  I16(2, true),
  I32(4, true),
  I64(8, true);

  private final int size;
  private final boolean signed;

  Primitive(int size, boolean signed) {
    this.size = size;
    this.signed = signed;
  }

  /** The primitive spelled this way in YAML ({@code u32}), if any. */
  public static Optional<Primitive> named(String name) {
    return Arrays.stream(values()).filter(p -> p.yamlName().equals(name)).findFirst();
  }

  /** The spelling used in YAML. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Size in bytes. */
  public int size() {
    return size;
  }

  /** True for the two's-complement types. */
  public boolean signed() {
    return signed;
  }

  /** Whether {@code value} is representable (unsigned values are read as unsigned 64-bit). */
  public boolean fits(long value) {
    int bits = size * 8;
    if (signed) {
      return bits == 64 || (value >= -(1L << (bits - 1)) && value < (1L << (bits - 1)));
    }
    return bits == 64 || (value >= 0 && value < (1L << bits));
  }
}
