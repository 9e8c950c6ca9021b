package org.vhostuser.spec.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Collects diagnostics while loading and validating; never stops at the first one. */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  /** Records an error. */
  public void error(SourcePosition at, Code code, String message) {
    all.add(Diagnostic.error(at, code, message));
  }

  /** Records a warning. */
  public void warning(SourcePosition at, Code code, String message) {
    all.add(Diagnostic.warning(at, code, message));
  }

  /** Adds diagnostics found elsewhere. */
  public void addAll(List<Diagnostic> more) {
    all.addAll(more);
  }

  /** How many diagnostics were recorded so far. */
  public int count() {
    return all.size();
  }

  /** Every diagnostic so far, sorted by place and without duplicates. */
  public List<Diagnostic> sorted() {
    return List.copyOf(new TreeSet<>(all));
  }
}
