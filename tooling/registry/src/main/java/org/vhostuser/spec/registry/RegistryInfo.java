package org.vhostuser.spec.registry;

import java.util.List;

/**
 * What the registry is, which public sources it follows, and which number ranges it keeps out
 * of allocation.
 */
public record RegistryInfo(String title, List<SourceDocument> sources,
    List<NumberRange> reservedRanges) {
  public RegistryInfo {
    sources = List.copyOf(sources);
    reservedRanges = List.copyOf(reservedRanges);
  }

  /** A registry without reserved ranges. */
  public RegistryInfo(String title, List<SourceDocument> sources) {
    this(title, sources, List.of());
  }

  /** The reserved ranges of one table: {@code front-end}, {@code back-end} or {@code protocol-features}. */
  public List<NumberRange> rangesOf(String table) {
    return reservedRanges.stream().filter(r -> table.equals(r.table())).toList();
  }
}
