package org.vhostuser.spec.wire;

/** Little-endian reads and writes of payload bytes, and the hex form transcripts use. */
final class Bytes {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Bytes() {}

  /** The unsigned little-endian integer of {@code width} bytes at {@code offset}, or -1 if short. */
  static long unsigned(byte[] bytes, long offset, int width) {
    if (offset < 0 || offset + width > bytes.length) {
      return -1;
    }
    long value = 0;
    for (int i = width - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[(int) offset + i] & 0xff);
    }
    return value;
  }

  /** Writes {@code value} little-endian into {@code width} bytes at {@code offset}. */
  static void put(byte[] bytes, int offset, int width, long value) {
    for (int i = 0; i < width; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  /** Lowercase hex of the bytes. */
  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** The bytes of lowercase hex text, or null when the text is not an even run of hex digits. */
  static byte[] fromHex(String text) {
    if (text.length() % 2 != 0) {
      return null;
    }
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(text.charAt(2 * i));
      int lo = digit(text.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
