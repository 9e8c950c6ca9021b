package org.vhostuser.spec.conform;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the small constant expressions implementations write for protocol numbers:
 * integer literals (decimal, hex, binary, with C suffixes or Rust underscores and type
 * suffixes), names defined earlier, parentheses, casts, {@code ~ !}, {@code * + -},
 * {@code << >>}, {@code & ^ |}. Nesting is bounded ({@link #MAX_DEPTH}), so no input can
 * exhaust the stack; anything else is reported as unreadable with the reason.
 */
final class Expressions {
  /** The deepest parenthesis nesting read. */
  static final int MAX_DEPTH = 64;

  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(0[xX][0-9a-fA-F_]+|0[bB][01_]+|\\d[\\d_]*|[A-Za-z_][A-Za-z0-9_:]*|<<|>>|[()|&^+*~!-])");
  private static final Pattern CAST =
      Pattern.compile("\\(\\s*(?:u?int\\d+_t|unsigned(?: long)*|long(?: long)?|int)\\s*\\)");
  private static final Pattern UINT_C = Pattern.compile("U?INT\\d+_C\\(([^()]*)\\)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]*");
  private static final Pattern INTEGER_SUFFIX = Pattern.compile(
      "(?i)(u|l|ul|lu|ll|ull|llu|u8|u16|u32|u64|usize|i32|i64)$");

  /** Why an expression could not be read. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  private final String text;
  private final Map<String, Long> known;
  private int position;
  private int depth;

  private Expressions(String text, Map<String, Long> known) {
    this.text = text;
    this.known = known;
  }

  /** The value of {@code expression}; throws with the reason when it cannot be read. */
  static long evaluate(String expression, Map<String, Long> known) throws Unreadable {
    String cleaned = UINT_C.matcher(CAST.matcher(expression).replaceAll("")).replaceAll("$1")
        .trim();
    if (cleaned.isEmpty()) {
      throw new Unreadable("no value");
    }
    Expressions parser = new Expressions(cleaned, known);
    long value = parser.or();
    parser.skipSpace();
    if (parser.position != cleaned.length()) {
      throw new Unreadable("unexpected '" + abbreviate(cleaned.substring(parser.position)) + "'");
    }
    return value;
  }

  private long or() throws Unreadable {
    long value = xor();
    while (peek("|")) {
      next();
      value |= xor();
    }
    return value;
  }

  private long xor() throws Unreadable {
    long value = and();
    while (peek("^")) {
      next();
      value ^= and();
    }
    return value;
  }

  private long and() throws Unreadable {
    long value = shift();
    while (peek("&")) {
      next();
      value &= shift();
    }
    return value;
  }

  private long shift() throws Unreadable {
    long value = sum();
    while (peek("<<") || peek(">>")) {
      boolean left = next().equals("<<");
      long by = sum();
      if (by < 0 || by > 63) {
        throw new Unreadable("shift by " + by);
      }
      value = left ? value << by : value >>> by;
    }
    return value;
  }

  private long sum() throws Unreadable {
    long value = product();
    while (peek("+") || peek("-")) {
      boolean plus = next().equals("+");
      long other = product();
      value = plus ? value + other : value - other;
    }
    return value;
  }

  private long product() throws Unreadable {
    long value = unary();
    while (peek("*")) {
      next();
      value *= unary();
    }
    return value;
  }

  private long unary() throws Unreadable {
    if (peek("~") || peek("!") || peek("-")) {
      String operator = next();
      enter();
      long operand = unary();
      depth--;
      return operator.equals("-") ? -operand : ~operand;
    }
    return atom();
  }

  private long atom() throws Unreadable {
    String token = next();
    if (token.equals("(")) {
      enter();
      long value = or();
      depth--;
      if (!next().equals(")")) {
        throw new Unreadable("unbalanced parentheses");
      }
      return value;
    }
    if (Character.isDigit(token.charAt(0))) {
      return literal(token);
    }
    if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
      throw new Unreadable("unexpected '" + token + "'");
    }
    String name = token.contains("::") ? token.substring(token.lastIndexOf("::") + 2) : token;
    Long value = known.get(name);
    if (value == null) {
      throw new Unreadable("'" + abbreviate(name) + "' is not a constant defined before");
    }
    return value;
  }

  private void enter() throws Unreadable {
    if (++depth > MAX_DEPTH) {
      throw new Unreadable("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static long literal(String token) throws Unreadable {
    String digits = token.replace("_", "");
    try {
      if (digits.startsWith("0x") || digits.startsWith("0X")) {
        return Long.parseUnsignedLong(digits.substring(2), 16);
      }
      if (digits.startsWith("0b") || digits.startsWith("0B")) {
        return Long.parseUnsignedLong(digits.substring(2), 2);
      }
      return Long.parseUnsignedLong(INTEGER_SUFFIX.matcher(digits).replaceAll(""));
    } catch (NumberFormatException e) {
      throw new Unreadable("the number " + abbreviate(token) + " does not fit in 64 bits");
    }
  }

  private boolean peek(String expected) {
    skipSpace();
    return text.startsWith(expected, position);
  }

  private String next() throws Unreadable {
    Matcher matcher = TOKEN.matcher(text);
    if (!matcher.find(position) || matcher.start() != position) {
      skipSpace();
      throw new Unreadable(position >= text.length() ? "the expression ends early"
          : "unexpected '" + abbreviate(text.substring(position)) + "'");
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

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 40 ? line.substring(0, 37) + "..." : line;
  }
}
