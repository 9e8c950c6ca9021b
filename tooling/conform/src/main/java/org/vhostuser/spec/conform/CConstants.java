package org.vhostuser.spec.conform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the constants of a C source: object-like {@code #define}s and {@code enum} members. */
final class CConstants {
  private static final Pattern DEFINE_START =
      Pattern.compile("^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern ENUM = Pattern.compile(
      "\\benum\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*\\{([^{}]*)\\}\\s*([A-Za-z_][A-Za-z0-9_]*)?");
  private static final Pattern MEMBER =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=\\s*(.+?))?\\s*$", Pattern.DOTALL);

  /**
   * One definition before evaluation; {@code enumIndex} is -1 for a {@code #define};
   * {@code valueOffset} is where the value starts.
   */
  private record Item(int offset, String name, String value, int valueOffset, String group,
      int enumIndex) {}

  private CConstants() {}

  /** Every constant of {@code source}, in file order, with values evaluated where possible. */
  static Reading read(Path file, String source) {
    String text = SourceText.withoutCommentsAndStrings(source);
    SourceText.Lines lines = new SourceText.Lines(text);
    List<Item> items = new ArrayList<>();
    defines(text, items);
    Matcher enumeration = ENUM.matcher(text);
    for (int index = 0; enumeration.find(); index++) {
      String group = enumeration.group(1) != null ? enumeration.group(1)
          : enumeration.group(3) != null ? enumeration.group(3) : "";
      int offset = enumeration.start(2);
      String body = blankDirectives(enumeration.group(2));
      for (String part : body.split(",", -1)) {
        Matcher member = MEMBER.matcher(part);
        if (member.matches()) {
          items.add(new Item(offset + member.start(1), member.group(1), member.group(2),
              member.group(2) == null ? 0 : offset + member.start(2), group, index));
        }
        offset += part.length() + 1;
      }
    }
    items.sort(Comparator.comparingInt(Item::offset));
    Map<String, Long> known = new LinkedHashMap<>();
    Map<Integer, Long> lastInEnum = new HashMap<>();
    List<FoundConstant> found = new ArrayList<>();
    List<Reading.Unread> unread = new ArrayList<>();
    for (Item item : items) {
      long value;
      if (item.value() == null) {
        Long previous = lastInEnum.get(item.enumIndex());
        if (previous == null && lastInEnum.containsKey(item.enumIndex())) {
          unread.add(unread(file, lines, item, item.offset(), "it follows a member whose value"
              + " could not be read"));
          continue;
        }
        value = previous == null ? 0 : previous + 1;
      } else {
        try {
          value = Expressions.evaluate(item.value(), known);
        } catch (Expressions.Unreadable e) {
          lastInEnum.put(item.enumIndex(), null);
          unread.add(unread(file, lines, item, item.valueOffset(), e.getMessage()));
          continue;
        }
      }
      known.put(item.name(), value);
      lastInEnum.put(item.enumIndex(), value);
      boolean mask = item.name().endsWith("_MASK");
      found.add(new FoundConstant(item.name(), value, item.group(), mask, file,
          lines.lineOf(item.offset())));
    }
    return new Reading(found, unread);
  }

  private static Reading.Unread unread(Path file, SourceText.Lines lines, Item item, int offset,
      String reason) {
    return new Reading.Unread(item.name(), item.group(), file, lines.lineOf(offset),
        lines.columnOf(offset), reason);
  }

  /**
   * Finds object-like {@code #define}s line by line, joining backslash continuations without a
   * regular expression that could recurse once per continued line.
   */
  private static void defines(String text, List<Item> items) {
    int lineStart = 0;
    while (lineStart < text.length()) {
      int lineEnd = endOfLine(text, lineStart);
      Matcher define = DEFINE_START.matcher(text).region(lineStart, lineEnd);
      if (define.lookingAt()) {
        int afterName = define.end(1);
        int end = lineEnd;
        while (end > afterName && end < text.length() && text.charAt(end - 1) == '\\') {
          end = endOfLine(text, end + 1);
        }
        boolean functionLike = afterName < text.length() && text.charAt(afterName) == '(';
        if (!functionLike) {
          String value = text.substring(afterName, end).replace("\\\n", "  ");
          int valueStart = afterName;
          while (valueStart < end && Character.isWhitespace(text.charAt(valueStart))) {
            valueStart++;
          }
          items.add(new Item(define.start(1), define.group(1), value.trim(), valueStart, "", -1));
        }
        lineEnd = end;
      }
      lineStart = lineEnd + 1;
    }
  }

  private static int endOfLine(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }

  /** Preprocessor lines inside an enum body, replaced by spaces so offsets stay. */
  private static String blankDirectives(String body) {
    StringBuilder out = new StringBuilder(body);
    int lineStart = 0;
    while (lineStart < body.length()) {
      int lineEnd = endOfLine(body, lineStart);
      int first = lineStart;
      while (first < lineEnd && (body.charAt(first) == ' ' || body.charAt(first) == '\t')) {
        first++;
      }
      if (first < lineEnd && body.charAt(first) == '#') {
        for (int i = first; i < lineEnd; i++) {
          out.setCharAt(i, ' ');
        }
      }
      lineStart = lineEnd + 1;
    }
    return out.toString();
  }
}
