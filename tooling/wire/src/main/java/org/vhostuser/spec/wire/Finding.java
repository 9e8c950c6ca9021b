package org.vhostuser.spec.wire;

import java.util.Locale;
import org.vhostuser.spec.registry.Direction;

/**
 * One break of a spec rule seen in the traffic: which rule, how serious, what happened, at which
 * message (its transcript line), and which side is at fault. A finding that a named
 * implementation's recorded quirk explains has the quirk's text and severity {@code NOTE}.
 */
public record Finding(
    Level level,
    String rule,
    String message,
    int line,
    Direction side,
    String messageName,
    String quirk) {

  /** How serious a finding is. */
  public enum Level {
    ERROR,
    WARNING,
    /** A known quirk of the implementation named on the command line. */
    NOTE;

    /** The word printed in a finding line. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The same finding explained by a recorded quirk. */
  Finding explained(String quirkText) {
    return new Finding(Level.NOTE, rule, message, line, side, messageName, quirkText);
  }
}
