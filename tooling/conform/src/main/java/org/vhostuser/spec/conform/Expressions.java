package org.vhostuser.spec.conform;

import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the small constant expressions implementations write for protocol numbers:
 * integer literals (decimal, hex, with C suffixes or Rust underscores and type suffixes),
 * names defined earlier, parentheses, casts, {@code <<}, {@code |} and {@code +}.
 * Anything else is not a protocol number and is left out.
 */
final class Expressions {
  private static final Pattern TOKEN =
      Pattern.compile("\\s*(0[xX][0-9a-fA-F_]+|0[bB][01_]+|\\d[\\d_]*|[A-Za-z_][A-Za-z0-9_:]*|<<|[()|+])");
  private static final Pattern CAST = Pattern.compile("\\(\\s*(?:u?int\\d+_t|unsigned(?: long)*|long|int)\\s*\\)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]*");
  private static final Pattern INTEGER_SUFFIX = Pattern.compile("(?i)(u|l|ul|lu|ll|ull|llu|u8|u16|u32|u64|usize|i32|i64)$");

  private final String text;
  private final Map<String, Long> known;
  private int position;

  private Expressions(String text, Map<String, Long> known) {
    this.text = text;
    this.known = known;
  }

  /** The value of {@code expression}, or empty when it is not a constant this reader knows. */
  static OptionalLong evaluate(String expression, Map<String, Long> known) {
    String cleaned = CAST.matcher(expression).replaceAll("")
        .replaceAll("U?INT\\d+_C\\(([^)]*)\\)", "$1").trim();
    if (cleaned.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      Expressions parser = new Expressions(cleaned, known);
      long value = parser.or();
      parser.skipSpace();
      return parser.position == cleaned.length() ? OptionalLong.of(value) : OptionalLong.empty();
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
  }

  private long or() {
    long value = sum();
    while (peek("|")) {
      next();
      value |= sum();
    }
    return value;
  }

  private long sum() {
    long value = shift();
    while (peek("+")) {
      next();
      value += shift();
    }
    return value;
  }

  private long shift() {
    long value = atom();
    while (peek("<<")) {
      next();
      long by = atom();
      if (by < 0 || by > 63) {
        throw new IllegalArgumentException("shift out of range");
      }
      value <<= by;
    }
    return value;
  }

  private long atom() {
    String token = next();
    if (token.equals("(")) {
      long value = or();
      if (!next().equals(")")) {
        throw new IllegalArgumentException("unbalanced");
      }
      return value;
    }
    if (Character.isDigit(token.charAt(0))) {
      return literal(token);
    }
    String name = token.contains("::") ? token.substring(token.lastIndexOf("::") + 2) : token;
    Long value = known.get(name);
    if (value == null) {
      throw new IllegalArgumentException("unknown name " + name);
    }
    return value;
  }

  private static long literal(String token) {
    String digits = token.replace("_", "");
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      return Long.parseUnsignedLong(digits.substring(2), 16);
    }
    if (digits.startsWith("0b") || digits.startsWith("0B")) {
      return Long.parseUnsignedLong(digits.substring(2), 2);
    }
    return Long.parseUnsignedLong(INTEGER_SUFFIX.matcher(digits).replaceAll(""));
  }

  private boolean peek(String expected) {
    skipSpace();
    return text.startsWith(expected, position);
  }

  private String next() {
    Matcher matcher = TOKEN.matcher(text);
    if (!matcher.find(position) || matcher.start() != position) {
      throw new IllegalArgumentException("unexpected text");
    }
    position = matcher.end();
    String token = matcher.group(1);
    // a literal directly followed by a type suffix (1u, 0x10ULL, 3u64)
    Matcher suffix = WORD.matcher(text).region(position, text.length());
    if (Character.isDigit(token.charAt(0)) && suffix.lookingAt() && !suffix.group().isEmpty()
        && INTEGER_SUFFIX.matcher(suffix.group()).matches()) {
      position += suffix.group().length();
    }
    return token;
  }

  private void skipSpace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }
}
