package org.vhostuser.spec.rst;

import java.nio.file.Path;
import java.util.Objects;
import org.vhostuser.spec.conform.Finding;

/**
 * One difference between vhost-user.rst and the registry: the entry (the registry's name when
 * it has the entry, else the document's), the aspect, the value on each side (null for none),
 * the line in the document and a sentence for people.
 */
public record Difference(
    String entry, String table, Aspect aspect, String rst, String registry, Path file, int line,
    String detail) {

  /** True when {@code other} is the same difference, wherever and however it is described. */
  public boolean sameAs(String otherEntry, Aspect otherAspect, String otherRst,
      String otherRegistry) {
    return entry.equals(otherEntry) && aspect == otherAspect && Objects.equals(rst, otherRst)
        && Objects.equals(registry, otherRegistry);
  }

  /** The difference as a finding of conform's reports. */
  public Finding finding() {
    Long expected = aspect == Aspect.NUMBER || aspect == Aspect.MISSING ? number(registry) : null;
    Long actual = aspect == Aspect.NUMBER || aspect == Aspect.EXTRA ? number(rst) : null;
    String found = aspect == Aspect.MISSING ? null : aspect == Aspect.NUMBER
        || aspect == Aspect.EXTRA ? entry : rst;
    return new Finding(aspect.kind(), aspect == Aspect.EXTRA ? null : entry, table, found,
        expected, actual, file, line, detail);
  }

  private static Long number(String text) {
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
