package org.vhostuser.spec.rst;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * Reads the facts of a vhost-user.rst in the format QEMU uses: the message type sections (each
 * message a {@code ``VHOST_USER_NAME``} line with an indented field list) and the protocol
 * feature {@code #define} block. Tolerates the older MASTER/SLAVE headings and field names.
 * Problems are diagnostics, never exceptions; only a file that cannot be read at all throws.
 */
public final class RstReader {
  /** The largest file read; QEMU's document is under 100 KiB. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  private static final Pattern UNDERLINE = Pattern.compile("([=\\-^~\"'`#*+:._])\\1{2,}\\s*");
  private static final Pattern MESSAGE =
      Pattern.compile("``(VHOST_USER_[A-Za-z0-9_]+)``(.*)");
  private static final Pattern QUOTED_NAME = Pattern.compile("``(VHOST_USER_[A-Za-z0-9_]+)``");
  private static final Pattern FIELD = Pattern.compile("(\\s+):([^:`]+):(\\s*)(.*)");
  private static final Pattern DEFINE =
      Pattern.compile("(\\s*#define\\s+)(VHOST_USER_PROTOCOL_F_[A-Za-z0-9_]+)(\\s+)(.*)");
  /** Far more messages and feature bits than the protocol has, and far longer field values. */
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_FIELD = 4096;
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]+");

  /** The section of the document a line belongs to. */
  private enum Section { OTHER, FRONT_END, BACK_END, FEATURES }

  /** The facts read, or none when the file is not a vhost-user specification, and problems. */
  public record Result(Optional<RstDocument> document, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    /** True when some diagnostic is an error: the document must not be used. */
    public boolean hasErrors() {
      return !diagnostics.isEmpty();
    }
  }

  /** One field line of a message, with the place of its value. */
  private record FieldLine(String value, int line, int column) {}

  private final Path file;
  private final List<String> lines;
  private final Diagnostics out = new Diagnostics();

  private RstReader(Path file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /**
   * Reads {@code file}. Throws only when it cannot be read at all (missing, a folder, no
   * permission); content that is not a vhost-user specification gives a diagnostic.
   */
  public static Result read(Path file) throws IOException {
    byte[] bytes;
    try {
      Path folder = file.toAbsolutePath().normalize().getParent();
      bytes = InputFiles.read(file, folder == null ? file : folder, MAX_BYTES,
          "vhost-user.rst files");
    } catch (InputFiles.Refused e) {
      if (e.code() == Code.FILE_TOO_LARGE) {
        return notASpec(file, "is larger than 4 MiB; a vhost-user.rst is about 100 KiB");
      }
      throw e;
    }
    String text;
    try {
      text = InputFiles.utf8(bytes);
    } catch (InputFiles.NotUtf8 e) {
      return new Result(Optional.empty(), List.of(Diagnostic.error(
          new SourcePosition(file, e.line(), e.column()), Code.RST_NOT_A_SPEC, file.getFileName()
              + " is not UTF-8 text (" + e.getMessage() + "), so it is not a vhost-user.rst")));
    }
    return parse(file, text);
  }

  /** Reads the text of a vhost-user.rst that {@code file} names. */
  public static Result parse(Path file, String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return new RstReader(file, lines).parse();
  }

  private static Result notASpec(Path file, String why) {
    return new Result(Optional.empty(), List.of(Diagnostic.error(SourcePosition.ofFile(file),
        Code.RST_NOT_A_SPEC, file.getFileName() + " " + why)));
  }

  private Result parse() {
    List<RstMessage> frontEnd = new ArrayList<>();
    List<RstMessage> backEnd = new ArrayList<>();
    List<RstFeature> features = new ArrayList<>();
    int frontEndLine = 0;
    int backEndLine = 0;
    int featuresLine = 0;
    List<String> sections = new ArrayList<>();
    Section section = Section.OTHER;
    for (int i = 0; i < lines.size(); i++) {
      if (isHeading(i)) {
        section = sectionOf(lines.get(i));
        sections.add(lines.get(i).strip());
        if (section == Section.FRONT_END && frontEndLine == 0) {
          frontEndLine = i + 1;
        } else if (section == Section.BACK_END && backEndLine == 0) {
          backEndLine = i + 1;
        } else if (section == Section.FEATURES && featuresLine == 0) {
          featuresLine = i + 1;
        }
        i++; // the underline
        continue;
      }
      if (section == Section.FEATURES) {
        feature(i).ifPresent(features::add);
      } else if (section == Section.FRONT_END || section == Section.BACK_END) {
        Direction direction =
            section == Section.FRONT_END ? Direction.FRONT_END : Direction.BACK_END;
        Optional<RstMessage> message = message(i, direction);
        message.ifPresent(m -> (direction == Direction.FRONT_END ? frontEnd : backEnd).add(m));
      }
      if (frontEnd.size() + backEnd.size() + features.size() > MAX_ENTRIES) {
        out.error(new SourcePosition(file, i + 1, 1), Code.TOO_MANY, "more than " + MAX_ENTRIES
            + " messages and feature bits; the rest of the file is not read");
        break;
      }
    }
    if (frontEndLine == 0 && backEndLine == 0) {
      return notASpec(file, "is not a vhost-user specification: it has no 'Front-end message"
          + " types' or 'Back-end message types' section (nor the older 'Master' and 'Slave'"
          + " ones)");
    }
    if (frontEnd.isEmpty() && backEnd.isEmpty() && out.sorted().isEmpty()) {
      return notASpec(file, "is not a vhost-user specification: its message type sections list"
          + " no ``VHOST_USER_...`` message with an :id: field");
    }
    List<Diagnostic> diagnostics = out.sorted();
    return new Result(diagnostics.isEmpty()
        ? Optional.of(new RstDocument(file, frontEnd, backEnd, features, frontEndLine,
            backEndLine, featuresLine, sections))
        : Optional.empty(), diagnostics);
  }

  /** True when line {@code i} is a section title: text at column 0 over a line of punctuation. */
  private boolean isHeading(int i) {
    if (i + 1 >= lines.size()) {
      return false;
    }
    String title = lines.get(i);
    String under = lines.get(i + 1);
    return !title.isBlank() && !Character.isWhitespace(title.charAt(0))
        && !UNDERLINE.matcher(title).matches() && UNDERLINE.matcher(under).matches()
        && under.strip().length() >= title.strip().length();
  }

  private static Section sectionOf(String title) {
    String t = title.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("message types")) {
      if (t.startsWith("front-end") || t.startsWith("frontend") || t.startsWith("front end")
          || t.startsWith("master")) {
        return Section.FRONT_END;
      }
      if (t.startsWith("back-end") || t.startsWith("backend") || t.startsWith("back end")
          || t.startsWith("slave")) {
        return Section.BACK_END;
      }
    }
    return t.equals("protocol features") || t.equals("protocol feature bits")
        ? Section.FEATURES : Section.OTHER;
  }

  private Optional<RstFeature> feature(int i) {
    Matcher define = DEFINE.matcher(lines.get(i));
    if (!define.matches()) {
      return Optional.empty();
    }
    String value = define.group(4).strip();
    int column = define.group(1).length() + define.group(2).length() + define.group(3).length() + 1;
    Long bit = number(value);
    if (bit == null) {
      error(i + 1, column, "the bit of " + define.group(2) + " must be a number, found '"
          + shortened(value) + "'");
      return Optional.empty();
    }
    return Optional.of(new RstFeature(define.group(2), bit, i + 1));
  }

  private Optional<RstMessage> message(int i, Direction direction) {
    Matcher name = MESSAGE.matcher(lines.get(i));
    if (!name.matches()) {
      return Optional.empty();
    }
    List<String> previous = new ArrayList<>();
    Matcher quoted = QUOTED_NAME.matcher(name.group(2));
    while (quoted.find()) {
      previous.add(quoted.group(1));
    }
    Map<String, FieldLine> fields = fields(i + 1, direction);
    if (fields.isEmpty()) {
      return Optional.empty(); // a name at the start of a prose line, not a message entry
    }
    FieldLine id = fields.get("id");
    if (id == null) {
      error(i + 1, 1, name.group(1) + " has no :id: field");
      return Optional.empty();
    }
    Long number = number(id.value());
    if (number == null) {
      error(id.line(), id.column(), "the :id: of " + name.group(1) + " must be a number, found '"
          + shortened(id.value()) + "'");
      return Optional.empty();
    }
    FieldLine ioctl = fields.get("ioctl");
    FieldLine request = fields.get("request");
    FieldLine reply = fields.get("reply");
    return Optional.of(new RstMessage(direction, name.group(1), previous, number,
        ioctl == null ? null : ioctl(ioctl.value()),
        request == null ? null : payload(request.value()),
        reply == null ? null : payload(reply.value()),
        i + 1, id.line(), lineOf(ioctl, i + 1), lineOf(request, i + 1), lineOf(reply, i + 1)));
  }

  /**
   * The field list under a message name, keyed {@code id}, {@code ioctl}, {@code request} and
   * {@code reply}; other fields are skipped. Lines indented under a field continue its value.
   */
  private Map<String, FieldLine> fields(int first, Direction direction) {
    Map<String, FieldLine> fields = new LinkedHashMap<>();
    String current = null;
    for (int j = first; j < lines.size(); j++) {
      String line = lines.get(j);
      if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
        break;
      }
      Matcher field = FIELD.matcher(line);
      if (field.matches()) {
        current = key(field.group(2), direction);
        if (current != null && !fields.containsKey(current)) {
          int column = field.group(1).length() + field.group(2).length() + 2
              + field.group(3).length() + 1;
          fields.put(current, new FieldLine(clean(field.group(4)), j + 1, column));
        } else {
          current = null;
        }
      } else if (current != null) {
        FieldLine before = fields.get(current);
        String value = clean(before.value() + " " + line);
        if (value.length() > MAX_FIELD) {
          out.error(new SourcePosition(file, j + 1, 1), Code.TOO_MANY, "the :" + current
              + ": field goes on for more than " + MAX_FIELD + " characters");
          current = null;
        } else {
          fields.put(current, new FieldLine(value, before.line(), before.column()));
        }
      }
    }
    return fields;
  }

  /**
   * What a field name means. Older copies name payloads after the side that sends them
   * ({@code :master payload:}, {@code :slave payload:}); in the back-end section the back-end
   * sends the request.
   */
  private static String key(String fieldName, Direction direction) {
    String name = fieldName.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        .replace("frontend", "front-end").replace("front end", "front-end")
        .replace("backend", "back-end").replace("back end", "back-end")
        .replace("master", "front-end").replace("slave", "back-end");
    boolean frontEnd = direction == Direction.FRONT_END;
    switch (name) {
      case "id": return "id";
      case "equivalent ioctl":
      case "ioctl": return "ioctl";
      case "request payload":
      case "request": return "request";
      case "reply payload":
      case "reply": return "reply";
      case "front-end payload": return frontEnd ? "request" : "reply";
      case "back-end payload": return frontEnd ? "reply" : "request";
      default: return null;
    }
  }

  /** A field value without inline markup and with single spaces. */
  private static String clean(String value) {
    return value.replace("``", "").replace("`", "").strip().replaceAll("\\s+", " ");
  }

  private static boolean isNone(String value) {
    String v = value.toUpperCase(Locale.ROOT);
    return v.isEmpty() || v.startsWith("N/A") || v.equals("NONE") || v.equals("-");
  }

  /** The ioctl named by an {@code :equivalent ioctl:} value, or null for N/A. */
  private static String ioctl(String value) {
    return isNone(value) ? null : value.replaceAll("\\s*\\(.*\\)$", "");
  }

  /** The payload phrase of a payload field, or null for N/A. */
  private static String payload(String value) {
    return isNone(value) ? null : value;
  }

  private static Long number(String value) {
    String v = value.replace("``", "").strip();
    if (!NUMBER.matcher(v).matches()) {
      return null;
    }
    try {
      return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16)
          : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return null; // too large for a long
    }
  }

  /** A value as a message quotes it: at most 60 characters, runs of spaces as one. */
  private static String shortened(String value) {
    String one = value.replaceAll("\\s+", " ");
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }

  private static int lineOf(FieldLine field, int otherwise) {
    return field == null ? otherwise : field.line();
  }

  private void error(int line, int column, String message) {
    out.error(new SourcePosition(file, line, column), Code.RST_BAD_FIELD, message);
  }
}
