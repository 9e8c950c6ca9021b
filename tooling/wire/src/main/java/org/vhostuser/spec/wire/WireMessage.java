package org.vhostuser.spec.wire;

/**
 * One vhost-user message as seen on a socket: when, where and which way, its header fields, how
 * many file descriptors came with it and the payload bytes after the 12-byte header. {@code line}
 * is its line in a transcript file (0 when it was seen live and numbered by order instead).
 */
public record WireMessage(
    double timeMs,
    Channel channel,
    Flow direction,
    long request,
    long flags,
    long size,
    int fds,
    byte[] payload,
    int line) {
  /** Size of the header in bytes. */
  public static final int HEADER_SIZE = 12;
  /** The version bits of flags. */
  public static final long VERSION_MASK = 0x3;
  /** The reply flag. */
  public static final long REPLY = 1L << 2;
  /** The need-reply flag. */
  public static final long NEED_REPLY = 1L << 3;

  /** True when the reply flag is set. */
  public boolean isReply() {
    return (flags & REPLY) != 0;
  }

  /** True when the need-reply flag is set. */
  public boolean needsReply() {
    return (flags & NEED_REPLY) != 0;
  }

  /** The unsigned little-endian integer of {@code width} bytes at {@code offset}, or -1. */
  public long unsigned(long offset, int width) {
    return Bytes.unsigned(payload, offset, width);
  }

  /** The same message with another transcript line. */
  public WireMessage atLine(int newLine) {
    return new WireMessage(timeMs, channel, direction, request, flags, size, fds, payload,
        newLine);
  }
}
