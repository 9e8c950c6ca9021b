package org.vhostuser.spec.registry;

import java.util.List;

/**
 * {@code quirks.yaml}: the known deviations of named implementations, and which implementations
 * and versions the repository's tests check against real traffic.
 */
public record Quirks(List<Quirk> entries, List<Checked> checked) {
  public Quirks {
    entries = List.copyOf(entries);
    checked = List.copyOf(checked);
  }

  /** No quirks and nothing checked. */
  public static Quirks none() {
    return new Quirks(List.of(), List.of());
  }

  /**
   * An implementation the tests run against real traffic: which side it plays, the versions
   * checked, what drives it and which test does.
   */
  public record Checked(String implementation, Direction side, List<String> versions, String how,
      String test, SourcePosition at) {
    public Checked {
      versions = List.copyOf(versions);
    }
  }
}
