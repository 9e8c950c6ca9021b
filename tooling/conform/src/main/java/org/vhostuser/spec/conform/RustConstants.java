package org.vhostuser.spec.conform;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the constants of a Rust source: enum variants with explicit or implicit discriminants,
 * {@code const} items (inside {@code impl} blocks too), and the flags of {@code bitflags!}
 * structs, which are masks.
 */
final class RustConstants {
  private static final Pattern HEADER_NAME = Pattern.compile(
      "\\b(enum|struct|impl|mod|trait)\\s+(?:<[^>]*>\\s*)?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern CONST =
      Pattern.compile("\\bconst\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=;]+)?=\\s*([^;]+);");
  private static final Pattern WRAPPED = Pattern.compile("^[A-Za-z_][A-Za-z0-9_:]*\\s*\\((.*)\\)$",
      Pattern.DOTALL);
  private static final Pattern VARIANT = Pattern.compile(
      "^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=\\s*(.+?))?\\s*$", Pattern.DOTALL);

  /** An open brace: what kind of block it starts and the type it names. */
  private record Block(String kind, String name, boolean bitflags, int bodyStart) {}

  private RustConstants() {}

  /** Every constant of {@code source}, in file order, with values evaluated where possible. */
  static Reading read(Path file, String source) {
    String text = SourceText.withoutCommentsAndStrings(source);
    SourceText.Lines lines = new SourceText.Lines(text);
    Map<String, Long> known = new LinkedHashMap<>();
    List<FoundConstant> found = new ArrayList<>();
    List<Reading.Unread> unread = new ArrayList<>();
    Deque<Block> blocks = new ArrayDeque<>();
    int statementStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        String header = text.substring(statementStart, i);
        Matcher name = HEADER_NAME.matcher(header);
        Block block = name.find() ? new Block(name.group(1), name.group(2),
            name.group(1).equals("struct") && header.matches("(?s).*\\bstruct\\s+\\w+\\s*:\\s*\\w+\\s*$"),
            i + 1) : new Block("", "", false, i + 1);
        blocks.push(block);
        statementStart = i + 1;
      } else if (c == '}') {
        Block block = blocks.isEmpty() ? null : blocks.pop();
        if (block != null && block.kind().equals("enum")) {
          variants(file, text, lines, block, i, known, found, unread);
        }
        statementStart = i + 1;
      } else if (c == ';') {
        Matcher constant = CONST.matcher(text.substring(statementStart, i + 1));
        if (constant.find()) {
          Block owner = owner(blocks);
          String expression = constant.group(2).trim();
          Matcher wrapped = WRAPPED.matcher(expression);
          boolean mask = owner.bitflags() || wrapped.matches();
          try {
            long value = Expressions.evaluate(
                wrapped.matches() ? wrapped.group(1) : expression, known);
            known.put(constant.group(1), value);
            found.add(new FoundConstant(constant.group(1), value, owner.name(),
                mask || constant.group(1).endsWith("_MASK"), file,
                lines.lineOf(statementStart + constant.start(1))));
          } catch (Expressions.Unreadable e) {
            int at = statementStart + constant.start(2);
            unread.add(new Reading.Unread(constant.group(1), owner.name(), file,
                lines.lineOf(at), lines.columnOf(at), e.getMessage()));
          }
        }
        statementStart = i + 1;
      }
    }
    found.sort(java.util.Comparator.comparingInt(FoundConstant::line));
    return new Reading(found, unread);
  }

  private static Block owner(Deque<Block> blocks) {
    for (Block block : blocks) {
      if (!block.kind().isEmpty()) {
        return block;
      }
    }
    return new Block("", "", false, 0);
  }

  private static void variants(Path file, String text, SourceText.Lines lines, Block block, int end,
      Map<String, Long> known, List<FoundConstant> found, List<Reading.Unread> unread) {
    Long next = 0L;
    int offset = block.bodyStart();
    for (String part : text.substring(block.bodyStart(), end).split(",", -1)) {
      int skipped = attributes(part);
      Matcher variant = VARIANT.matcher(part.substring(skipped));
      if (variant.matches()) {
        int at = offset + skipped + variant.start(1);
        try {
          if (variant.group(2) == null && next == null) {
            throw new Expressions.Unreadable("it follows a variant whose value could not be read");
          }
          long value = variant.group(2) == null ? next
              : Expressions.evaluate(variant.group(2), known);
          found.add(new FoundConstant(variant.group(1), value, block.name(), false, file,
              lines.lineOf(at)));
          next = value + 1;
        } catch (Expressions.Unreadable e) {
          next = null;
          int valueAt = variant.group(2) == null ? at : offset + skipped + variant.start(2);
          unread.add(new Reading.Unread(variant.group(1), block.name(), file,
              lines.lineOf(valueAt), lines.columnOf(valueAt), e.getMessage()));
        }
      }
      offset += part.length() + 1;
    }
  }

  /** The length of the attributes ({@code #[...]}) and white space a variant starts with. */
  private static int attributes(String part) {
    int i = 0;
    while (true) {
      while (i < part.length() && Character.isWhitespace(part.charAt(i))) {
        i++;
      }
      if (!part.startsWith("#[", i)) {
        return i;
      }
      int close = part.indexOf(']', i);
      if (close < 0) {
        return i;
      }
      i = close + 1;
    }
  }
}
