package org.vhostuser.spec.wire;

/**
 * A peer or a path that stops a wire command: a path that is not a socket, a peer that cannot
 * be reached, hangs up or stops in the middle of a message. Printed as one line.
 */
public final class WireException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Whether the problem is the environment (exit 2) or the peer's behaviour (exit 1). */
  public enum Kind { ENVIRONMENT, PEER }

  private final Kind kind;

  public WireException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
