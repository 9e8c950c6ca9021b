package org.vhostuser.spec.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The transcript format: JSON lines, one object per message, with {@code time_ms},
 * {@code channel}, {@code direction}, {@code request}, {@code name} (optional), {@code flags},
 * {@code size}, {@code fds} and {@code payload} (lowercase hex of the bytes after the header).
 * Shape: {@code spec/registry/schema/trace.schema.json}.
 */
public final class Transcript {
  /** The keys of a line, in the order they are written. */
  static final List<String> KEYS =
      List.of("time_ms", "channel", "direction", "request", "name", "flags", "size", "fds",
          "payload");
  private static final Set<String> OPTIONAL = Set.of("name");
  /** Longest line read: a header-sized payload limit of 16 MiB in hex, and some room. */
  static final int MAX_LINE = 32 * 1024 * 1024 + 4096;

  private Transcript() {}

  /** A line that is not a message of the format, with the 1-based column where it goes wrong. */
  public record Problem(int line, int column, String message) {}

  /** The messages of a transcript and the lines that could not be read. */
  public record Contents(List<WireMessage> messages, List<Problem> problems) {
    public Contents {
      messages = List.copyOf(messages);
      problems = List.copyOf(problems);
    }
  }

  /** Reads a transcript file; a line that cannot be read becomes a problem, not an exception. */
  public static Contents read(Path file) throws IOException {
    List<WireMessage> messages = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream current = new ByteArrayOutputStream(256);
      byte[] buffer = new byte[1 << 16];
      int line = 1;
      boolean tooLong = false;
      int n;
      while ((n = in.read(buffer)) > 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (buffer[i] != '\n') {
            continue;
          }
          tooLong = append(current, buffer, start, i - start, tooLong);
          take(current, line++, tooLong, messages, problems);
          current.reset();
          tooLong = false;
          start = i + 1;
        }
        tooLong = append(current, buffer, start, n - start, tooLong);
      }
      if (current.size() > 0 || tooLong) {
        take(current, line, tooLong, messages, problems);
      }
    }
    return new Contents(messages, problems);
  }

  /** Appends up to the line limit; returns whether the line is now too long. */
  private static boolean append(ByteArrayOutputStream current, byte[] bytes, int from, int length,
      boolean tooLong) {
    if (tooLong || current.size() + length > MAX_LINE) {
      return true;
    }
    current.write(bytes, from, length);
    return false;
  }

  private static void take(ByteArrayOutputStream bytes, int line, boolean tooLong,
      List<WireMessage> messages, List<Problem> problems) {
    if (tooLong) {
      problems.add(new Problem(line, 1, "line longer than " + MAX_LINE + " bytes"));
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      problems.add(new Problem(line, 1, "line is not UTF-8 text"));
      return;
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isBlank()) {
      return;
    }
    try {
      messages.add(parse(text, line));
    } catch (LineException e) {
      problems.add(new Problem(line, e.column, e.getMessage()));
    }
  }

  /** One line of the format. */
  public static String line(WireMessage m, String name) {
    StringBuilder out = new StringBuilder(96 + m.payload().length * 2);
    out.append("{\"time_ms\":").append(String.format(Locale.ROOT, "%.3f", m.timeMs()))
        .append(",\"channel\":\"").append(m.channel().word())
        .append("\",\"direction\":\"").append(m.direction().word())
        .append("\",\"request\":").append(m.request());
    if (name != null) {
      out.append(",\"name\":\"").append(name).append('"');
    }
    out.append(",\"flags\":").append(m.flags())
        .append(",\"size\":").append(m.size())
        .append(",\"fds\":").append(m.fds())
        .append(",\"payload\":\"").append(Bytes.hex(m.payload())).append("\"}");
    return out.toString();
  }

  /** Writes one line and flushes, so a transcript on disk is complete up to the last message. */
  public static void write(Writer out, WireMessage m, String name) throws IOException {
    out.write(line(m, name));
    out.write('\n');
    out.flush();
  }

  /** Parses one line into a message. */
  static WireMessage parse(String text, int line) throws LineException {
    Map<String, Object> values = new JsonLine(text).object();
    for (String key : values.keySet()) {
      if (!KEYS.contains(key)) {
        throw new LineException(1, "unknown key '" + key + "'; a line has " + String.join(", ",
            KEYS));
      }
    }
    for (String key : KEYS) {
      if (!values.containsKey(key) && !OPTIONAL.contains(key)) {
        throw new LineException(1, "missing key '" + key + "'");
      }
    }
    double time = number(values, "time_ms", Double.MAX_VALUE);
    Channel channel = Channel.of(string(values, "channel"));
    if (channel == null) {
      throw new LineException(1, "'channel' must be main or backend");
    }
    Flow flow = Flow.of(string(values, "direction"));
    if (flow == null) {
      throw new LineException(1, "'direction' must be front-to-back or back-to-front");
    }
    long request = (long) integer(values, "request", 0xffffffffL);
    long flags = (long) integer(values, "flags", 0xffffffffL);
    long size = (long) integer(values, "size", 0xffffffffL);
    int fds = (int) integer(values, "fds", 253);
    if (values.containsKey("name") && !(values.get("name") instanceof String)) {
      throw new LineException(1, "'name' must be a string");
    }
    byte[] payload = Bytes.fromHex(string(values, "payload"));
    if (payload == null) {
      throw new LineException(1, "'payload' must be lowercase hex digits, two per byte");
    }
    if (payload.length != size) {
      throw new LineException(1, "'size' is " + size + " but the payload holds "
          + payload.length + " bytes");
    }
    return new WireMessage(time, channel, flow, request, flags, size, fds, payload, line);
  }

  private static String string(Map<String, Object> values, String key) throws LineException {
    if (values.get(key) instanceof String s) {
      return s;
    }
    throw new LineException(1, "'" + key + "' must be a string");
  }

  private static double number(Map<String, Object> values, String key, double max)
      throws LineException {
    if (values.get(key) instanceof Double d && d >= 0 && d <= max) {
      return d;
    }
    throw new LineException(1, "'" + key + "' must be a number of at least 0");
  }

  private static double integer(Map<String, Object> values, String key, long max)
      throws LineException {
    if (values.get(key) instanceof Double d && d >= 0 && d <= max && d == Math.rint(d)) {
      return d;
    }
    throw new LineException(1, "'" + key + "' must be an integer from 0 to " + max);
  }

  /** A line that cannot be read, with its column. */
  static final class LineException extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    LineException(int column, String message) {
      super(message);
      this.column = column;
    }
  }

  /** A parser of one flat JSON object: string keys, and string, number, boolean or null values. */
  private static final class JsonLine {
    private final String text;
    private int at;

    JsonLine(String text) {
      this.text = text;
    }

    Map<String, Object> object() throws LineException {
      Map<String, Object> values = new LinkedHashMap<>();
      space();
      expect('{');
      space();
      if (peek() == '}') {
        at++;
      } else {
        while (true) {
          space();
          int keyAt = at;
          String key = string();
          space();
          expect(':');
          space();
          Object value = value();
          if (values.put(key, value) != null) {
            throw new LineException(keyAt + 1, "duplicate key '" + key + "'");
          }
          space();
          if (peek() == ',') {
            at++;
            continue;
          }
          expect('}');
          break;
        }
      }
      space();
      if (at < text.length()) {
        throw new LineException(at + 1, "text after the object");
      }
      return values;
    }

    private Object value() throws LineException {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        int start = at;
        while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
          at++;
        }
        try {
          return Double.parseDouble(text.substring(start, at));
        } catch (NumberFormatException e) {
          throw new LineException(start + 1, "not a number");
        }
      }
      for (String word : List.of("true", "false", "null")) {
        if (text.startsWith(word, at)) {
          at += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      if (c == '{' || c == '[') {
        throw new LineException(at + 1, "nested objects and arrays are not part of the format");
      }
      throw new LineException(at + 1, "expected a value");
    }

    private String string() throws LineException {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          if (at >= text.length()) {
            break;
          }
          char e = text.charAt(at++);
          switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              if (at + 4 > text.length()) {
                throw new LineException(at, "short \\u escape");
              }
              try {
                out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
              } catch (NumberFormatException x) {
                throw new LineException(at, "bad \\u escape");
              }
              at += 4;
            }
            default -> throw new LineException(at, "bad escape \\" + e);
          }
        } else {
          out.append(c);
        }
      }
      throw new LineException(text.length() + 1, "unterminated string");
    }

    private void expect(char c) throws LineException {
      if (peek() != c) {
        throw new LineException(at + 1, at >= text.length() ? "expected '" + c
            + "' before the end of the line" : "expected '" + c + "'");
      }
      at++;
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : '\0';
    }

    private void space() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
