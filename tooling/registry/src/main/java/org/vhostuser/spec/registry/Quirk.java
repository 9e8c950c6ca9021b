package org.vhostuser.spec.registry;

/**
 * A known deviation of a named implementation from one spec rule ({@code quirks.yaml}): who
 * (implementation, side, version range), which rule and message, what it does, and the public
 * source that shows it. Checkers told which implementation they look at report the deviation as a
 * known quirk instead of an error.
 */
public record Quirk(
    String implementation,
    Direction side,
    String since,
    String until,
    String rule,
    Ref message,
    String does,
    Source source,
    SourcePosition at) {

  /** Where the behaviour can be read: a repository, a file, a function, a commit. */
  public record Source(String repository, String path, String function, String commit,
      SourcePosition at) {}

  /** True when {@code version} lies in {@code [since, until)}; open ends match everything. */
  public boolean covers(String version) {
    return (since == null || Versions.compare(version, since) >= 0)
        && (until == null || Versions.compare(version, until) < 0);
  }

  /** Dotted version numbers, compared number by number ({@code 7.2 < 10.0}). */
  public static final class Versions {
    private Versions() {}

    /** True when the text is a dotted version, for example {@code 10.0.2}. */
    public static boolean valid(String text) {
      return text != null && text.matches("[0-9]+(\\.[0-9]+)*");
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(String a, String b) {
      String[] x = a.split("\\.");
      String[] y = b.split("\\.");
      for (int i = 0; i < Math.max(x.length, y.length); i++) {
        long p = i < x.length ? parse(x[i]) : 0;
        long q = i < y.length ? parse(y[i]) : 0;
        if (p != q) {
          return Long.compare(p, q);
        }
      }
      return 0;
    }

    private static long parse(String part) {
      try {
        return Long.parseLong(part);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}
