package org.vhostuser.spec.history;

import org.vhostuser.spec.registry.SourcePosition;

/** One semantic change between two revisions of the registry, as a reviewer reads it. */
public record Change(Kind kind, Subject subject, String description, SourcePosition at) {
  /** What happened to the subject. */
  public enum Kind {
    ADDED, REMOVED, RENAMED, RENUMBERED, CHANGED;

    /** The word shown in reports. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
