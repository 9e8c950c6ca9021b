package org.vhostuser.spec.history;

/**
 * A problem with the repository the user can fix (not a git checkout, an unknown revision, a
 * shallow clone); its message is one line that says what to do.
 */
public final class HistoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public HistoryException(String message) {
    super(message);
  }
}
