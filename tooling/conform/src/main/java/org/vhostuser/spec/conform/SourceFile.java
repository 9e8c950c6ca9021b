package org.vhostuser.spec.conform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Severity;

/**
 * Reads an implementation source as text whatever it holds: a UTF-8 byte-order mark is
 * dropped, bytes that are not UTF-8 are read as Latin-1 (with a warning at the first one), and
 * binary data or a file above {@link #MAX_BYTES} is not read (an error at its position).
 */
final class SourceFile {
  /** The largest source conform reads; implementation headers are a few hundred KiB. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private SourceFile() {}

  /** The text of {@code file}, or empty after adding the reason to {@code problems}. */
  static Optional<String> read(Path file, List<Diagnostic> problems) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      problems.add(new Diagnostic(Severity.ERROR, file, 1, 1, Code.CONFORM_INPUT,
          "larger than " + MAX_BYTES / (1024 * 1024) + " MiB; not an implementation source,"
              + " not read"));
      return Optional.empty();
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        int[] at = position(bytes, start, i);
        problems.add(new Diagnostic(Severity.ERROR, file, at[0], at[1], Code.CONFORM_INPUT,
            "binary data (a NUL byte); not source text, not read"));
        return Optional.empty();
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return Optional.of(utf8.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString());
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, start);
      int[] at = position(bytes, start, bad);
      problems.add(new Diagnostic(Severity.WARNING, file, at[0], at[1], Code.CONFORM_ENCODING,
          String.format(java.util.Locale.ROOT, "byte 0x%02x is not UTF-8; the file is read as"
              + " Latin-1", bytes[bad] & 0xff)));
      return Optional.of(new String(bytes, start, bytes.length - start,
          StandardCharsets.ISO_8859_1));
    }
  }

  /** The 1-based line and column (in bytes) of {@code index}. */
  private static int[] position(byte[] bytes, int start, int index) {
    int line = 1;
    int column = 1;
    for (int i = start; i < index; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /** The index of the first byte that does not begin or continue a valid UTF-8 sequence. */
  private static int firstInvalidUtf8(byte[] bytes, int start) {
    int i = start;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3
          : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      if (length == 0 || i + length > bytes.length) {
        return i;
      }
      for (int k = 1; k < length; k++) {
        if ((bytes[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += length;
    }
    return start;
  }
}
