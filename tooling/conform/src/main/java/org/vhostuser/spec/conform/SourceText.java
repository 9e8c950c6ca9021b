package org.vhostuser.spec.conform;

/** Source code with comments and string literals blanked out, keeping offsets and line numbers. */
final class SourceText {
  private SourceText() {}

  /** The text with every comment and string literal replaced by spaces (newlines kept). */
  static String withoutCommentsAndStrings(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = blank(out, i, end < 0 ? text.length() : end);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = blank(out, i, end < 0 ? text.length() : end + 2);
      } else if (c == '"') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        i = blank(out, i, Math.min(text.length(), end + 1));
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static int blank(StringBuilder out, int from, int to) {
    for (int i = from; i < to; i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
    return to;
  }

  /** Finds the 1-based line of offsets in one text, after one pass over it. */
  static final class Lines {
    private final int[] starts;

    Lines(String text) {
      java.util.List<Integer> found = new java.util.ArrayList<>(java.util.List.of(0));
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line number of an offset. */
    int lineOf(int offset) {
      int index = java.util.Arrays.binarySearch(starts, offset);
      return index >= 0 ? index + 1 : -index - 1;
    }

    /** The 1-based column of an offset. */
    int columnOf(int offset) {
      return offset - starts[lineOf(offset) - 1] + 1;
    }
  }
}
