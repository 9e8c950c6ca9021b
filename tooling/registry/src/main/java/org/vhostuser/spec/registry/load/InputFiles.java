package org.vhostuser.spec.registry.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vhostuser.spec.registry.Code;

/**
 * Reads input files so that a committed file can never make the toolchain read something else:
 * only a regular file whose real path (symbolic links resolved) lies inside the folder it was
 * named in, never anything in /proc, /dev or /sys, never a FIFO or a device (opening one would
 * block or never end), and never more than a limit.
 */
public final class InputFiles {
  /** Places whose files describe the machine, not the repository. */
  private static final List<Path> SYSTEM = List.of(Path.of("/proc"), Path.of("/dev"),
      Path.of("/sys"));

  /** Why a file was not read: the file, the rule code of a diagnostic and a one-line reason. */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final transient Code code;

    Refused(Path file, Code code, String reason) {
      super(reason);
      this.file = file;
      this.code = code;
    }

    /** The file as it was named. */
    public Path file() {
      return file;
    }

    /** The rule code a diagnostic about this refusal carries. */
    public Code code() {
      return code;
    }
  }

  /** Bytes that are not UTF-8: the 1-based line and column of the first bad byte, and its value. */
  public static final class NotUtf8 extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final int value;

    NotUtf8(int line, int column, int value) {
      super(String.format("invalid UTF-8 byte 0x%02x", value), null, false, false);
      this.line = line;
      this.column = column;
      this.value = value;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }

    public int value() {
      return value;
    }
  }

  private InputFiles() {}

  /** The text of UTF-8 {@code bytes} without a leading byte order mark. */
  public static String utf8(byte[] bytes) throws NotUtf8 {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, chars, true);
    if (result.isError()) {
      chars.flip();
      String before = chars.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      throw new NotUtf8(line, column, bytes[in.position()] & 0xff);
    }
    decoder.flush(chars);
    chars.flip();
    String text = chars.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The bytes of {@code file}, which must lie inside {@code folder}; a {@link Refused} says why
   * not (missing, a folder, not a regular file, outside, larger than {@code maxBytes}).
   * {@code kind} names the files in the size message, for example "registry files".
   */
  public static byte[] read(Path file, Path folder, long maxBytes, String kind) throws Refused {
    Path real = check(file, folder);
    try (SeekableByteChannel channel =
        Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      if (size > maxBytes) {
        throw tooLarge(file, "file is " + size + " bytes; " + kind + " are limited to " + maxBytes
            + " bytes");
      }
      // The size a file system reports may be wrong (files of /proc say 0), so read to the end,
      // but never past the limit.
      ByteBuffer buffer =
          ByteBuffer.allocate((int) Math.min(maxBytes + 1, Math.max(size + 1, 8192)));
      while (channel.read(buffer) >= 0) {
        if (!buffer.hasRemaining()) {
          if (buffer.capacity() > maxBytes) {
            throw tooLarge(file, "file is larger than " + maxBytes + " bytes, the limit of "
                + kind);
          }
          buffer = grow(buffer, maxBytes);
        }
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    } catch (Refused e) {
      throw e;
    } catch (AccessDeniedException e) {
      throw new Refused(file, Code.FILE_UNREADABLE, "cannot read file: permission denied");
    } catch (IOException e) {
      throw new Refused(file, Code.FILE_UNREADABLE, "cannot read file: " + oneLine(e.getMessage()));
    }
  }

  /**
   * The real path of {@code file} when it may be read as an input named inside {@code folder};
   * otherwise a {@link Refused} that says why. Nothing is opened.
   */
  public static Path check(Path file, Path folder) throws Refused {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new Refused(file, Code.FILE_MISSING, "file not found");
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      throw new Refused(file, Code.FILE_MISSING, "file not found (a symbolic link to "
          + linkTarget(file) + ", which does not exist)");
    } catch (IOException e) {
      throw new Refused(file, Code.FILE_UNREADABLE, "cannot read file: " + oneLine(e.getMessage()));
    }
    if (isSystem(real)) {
      throw new Refused(file, Code.FILE_OUTSIDE, "refused to read " + shown(file, real)
          + ": inputs are never read from /proc, /dev or /sys");
    }
    Optional<Path> inside = realFolder(folder);
    if (inside.isPresent() && !real.startsWith(inside.get())) {
      throw new Refused(file, Code.FILE_OUTSIDE, "refused to read " + shown(file, real)
          + ", which lies outside " + folder + " (inputs must lie inside the repository)");
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(real, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new Refused(file, Code.FILE_UNREADABLE, "cannot read file: " + oneLine(e.getMessage()));
    }
    if (attributes.isDirectory()) {
      throw new Refused(file, Code.FILE_UNREADABLE, "cannot read file: it is a directory");
    }
    if (!attributes.isRegularFile()) {
      throw new Refused(file, Code.FILE_NOT_REGULAR, "refused to read it: not a regular file"
          + " (a FIFO, a device or a socket), which could block or never end");
    }
    return real;
  }

  /** True when {@code path}, symbolic links resolved, lies in /proc, /dev or /sys. */
  public static boolean isSystem(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return SYSTEM.stream().anyMatch(absolute::startsWith);
  }

  private static Optional<Path> realFolder(Path folder) {
    try {
      return Optional.of(folder.toRealPath());
    } catch (IOException e) {
      return Optional.empty(); // no folder: the file's own checks decide
    }
  }

  /** What {@code file} is: "a symbolic link to TARGET" as written in the link, or its path. */
  private static String shown(Path file, Path real) {
    return Files.isSymbolicLink(file) ? "a symbolic link to " + linkTarget(file)
        : real.toString();
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "a missing file";
    }
  }

  private static ByteBuffer grow(ByteBuffer full, long maxBytes) {
    long size = Math.min(maxBytes + 1, (long) full.capacity() * 2);
    ByteBuffer bigger = ByteBuffer.allocate((int) size);
    full.flip();
    bigger.put(full);
    return bigger;
  }

  private static Refused tooLarge(Path file, String message) {
    return new Refused(file, Code.FILE_TOO_LARGE, message);
  }

  private static String oneLine(String text) {
    return text == null ? "unknown reason" : text.replaceAll("\\s+", " ").trim();
  }
}
