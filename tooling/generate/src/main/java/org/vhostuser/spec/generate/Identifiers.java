package org.vhostuser.spec.generate;

import java.util.regex.Pattern;

/** Checks of the text a user puts into generated code: identifiers, prefixes, comment lines. */
public final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|");
  private static final Pattern TYPE = Pattern.compile("(struct |union |enum )?[A-Za-z_][A-Za-z0-9_]*");

  private Identifiers() {}

  /** True for a C and Rust identifier. */
  public static boolean isIdentifier(String text) {
    return IDENTIFIER.matcher(text).matches();
  }

  /** True for an identifier or a Rust path of identifiers ({@code zerocopy::FromBytes}). */
  static boolean isPath(String text) {
    return PATH.matcher(text).matches();
  }

  /** True for an identifier or for a C type spelled with its tag ({@code struct name}). */
  static boolean isTypeSpelling(String text) {
    return TYPE.matcher(text).matches();
  }

  /** True when {@code text} can start C identifiers: empty, or an identifier. */
  public static boolean isCPrefix(String text) {
    return PREFIX.matcher(text).matches();
  }

  /**
   * True for one line of printable text that can stand inside a C or Rust comment and a string
   * literal: no control character, no line break, no comment delimiter, no quote or backslash.
   */
  public static boolean isCommentSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '"' || c == '\\'
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
          || Character.getType(c) == Character.FORMAT) {
        return false;
      }
    }
    return !text.contains("*/") && !text.contains("/*") && text.length() <= 200;
  }
}
