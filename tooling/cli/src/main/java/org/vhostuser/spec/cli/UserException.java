package org.vhostuser.spec.cli;

/**
 * A problem the user can fix that stops a command before it can report content problems: a
 * missing folder, a file where a folder belongs. Printed as one line, exit code 2.
 */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }
}
