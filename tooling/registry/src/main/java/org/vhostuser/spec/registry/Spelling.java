package org.vhostuser.spec.registry;

import java.util.Collection;
import java.util.Comparator;

/** Suggests the intended word for a near miss ("did you mean ...?"). */
public final class Spelling {
  private Spelling() {}

  /** {@code "; did you mean 'x'?"} for the closest candidate within reach, or an empty string. */
  public static String suggestion(String word, Collection<String> candidates) {
    return candidates.stream()
        .filter(c -> distance(word, c) <= Math.max(2, c.length() / 4))
        .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c))
        .map(c -> "; did you mean '" + c + "'?")
        .orElse("");
  }

  /** Levenshtein distance between two words. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
