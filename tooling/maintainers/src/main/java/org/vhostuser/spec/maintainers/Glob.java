package org.vhostuser.spec.maintainers;

import java.util.regex.Pattern;

/**
 * The file patterns of MAINTAINERS: '*' is any run of characters but '/', '?' one character
 * but '/', a whole '**' segment any number of segments, and a trailing '/' every file below.
 */
final class Glob {
  private Glob() {}

  static boolean matches(String pattern, String path) {
    return toRegex(pattern).matcher(path).matches();
  }

  static Pattern toRegex(String pattern) {
    String glob = pattern.endsWith("/") ? pattern + "**" : pattern;
    StringBuilder regex = new StringBuilder();
    String[] segments = glob.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("**")) {
        regex.append(last ? ".*" : "(?:[^/]+/)*");
        continue;
      }
      for (char c : segment.toCharArray()) {
        switch (c) {
          case '*' -> regex.append("[^/]*");
          case '?' -> regex.append("[^/]");
          default -> regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      if (!last) {
        regex.append('/');
      }
    }
    return Pattern.compile(regex.toString());
  }
}
