package org.vhostuser.spec.registry;

/**
 * A block of numbers of one table set aside in registry.yaml (for example for experiments): no
 * registry entry may take a number inside it, and next-id steps over it.
 */
public record NumberRange(String table, Long first, Long last, String use, String summary,
    SourcePosition at) {
  /** True when {@code number} lies inside the range. */
  public boolean contains(long number) {
    return first != null && last != null && number >= first && number <= last;
  }
}
