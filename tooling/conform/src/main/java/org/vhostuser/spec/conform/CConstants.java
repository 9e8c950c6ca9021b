package org.vhostuser.spec.conform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the constants of a C source: object-like {@code #define}s and {@code enum} members. */
final class CConstants {
  private static final Pattern DEFINE = Pattern.compile(
      "(?m)^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_][A-Za-z0-9_]*)(?![(\\w])[ \\t]*(.*(?:\\\\\\n.*)*)$");
  private static final Pattern ENUM = Pattern.compile(
      "\\benum\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*\\{([^{}]*)\\}\\s*([A-Za-z_][A-Za-z0-9_]*)?");
  private static final Pattern MEMBER =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=\\s*(.+?))?\\s*$", Pattern.DOTALL);

  /** One definition before evaluation; {@code enumIndex} is -1 for a {@code #define}. */
  private record Item(int offset, String name, String value, String group, int enumIndex) {}

  private CConstants() {}

  /** Every constant of {@code source}, in file order, with values evaluated where possible. */
  static List<FoundConstant> read(Path file, String source) {
    String text = SourceText.withoutCommentsAndStrings(source);
    SourceText.Lines lines = new SourceText.Lines(text);
    List<Item> items = new ArrayList<>();
    Matcher define = DEFINE.matcher(text);
    while (define.find()) {
      items.add(new Item(define.start(1), define.group(1),
          define.group(2).replace("\\\n", " ").trim(), "", -1));
    }
    Matcher enumeration = ENUM.matcher(text);
    for (int index = 0; enumeration.find(); index++) {
      String group = enumeration.group(1) != null ? enumeration.group(1)
          : enumeration.group(3) != null ? enumeration.group(3) : "";
      int offset = enumeration.start(2);
      String body = enumeration.group(2).replaceAll("(?m)^[ \\t]*#.*$", "");
      for (String part : body.split(",", -1)) {
        Matcher member = MEMBER.matcher(part);
        if (member.matches()) {
          items.add(new Item(offset + part.indexOf(member.group(1)), member.group(1),
              member.group(2), group, index));
        }
        offset += part.length() + 1;
      }
    }
    items.sort(Comparator.comparingInt(Item::offset));
    Map<String, Long> known = new LinkedHashMap<>();
    Map<Integer, Long> lastInEnum = new HashMap<>();
    List<FoundConstant> found = new ArrayList<>();
    for (Item item : items) {
      OptionalLong value;
      if (item.value() == null) {
        Long previous = lastInEnum.get(item.enumIndex());
        value = OptionalLong.of(previous == null ? 0 : previous + 1);
      } else {
        value = Expressions.evaluate(item.value(), known);
      }
      if (value.isEmpty()) {
        lastInEnum.remove(item.enumIndex());
        continue;
      }
      known.put(item.name(), value.getAsLong());
      lastInEnum.put(item.enumIndex(), value.getAsLong());
      boolean mask = item.name().endsWith("_MASK");
      found.add(new FoundConstant(item.name(), value.getAsLong(), item.group(), mask, file,
          lines.lineOf(item.offset())));
    }
    return found;
  }
}
