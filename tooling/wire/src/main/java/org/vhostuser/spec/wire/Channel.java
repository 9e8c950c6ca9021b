package org.vhostuser.spec.wire;

import java.util.Locale;

/** Which socket a message travels on: the main socket, or the back-end channel. */
public enum Channel {
  MAIN,
  BACKEND;

  /** The spelling in a transcript: {@code main} or {@code backend}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The channel with this spelling, or null. */
  public static Channel of(String word) {
    for (Channel c : values()) {
      if (c.word().equals(word)) {
        return c;
      }
    }
    return null;
  }
}
