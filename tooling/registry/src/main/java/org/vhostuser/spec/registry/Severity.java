package org.vhostuser.spec.registry;

/** How serious a diagnostic is; warnings become errors under {@code --strict}. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word printed in a diagnostic line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
