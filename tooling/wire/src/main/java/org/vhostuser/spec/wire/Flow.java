package org.vhostuser.spec.wire;

import org.vhostuser.spec.registry.Direction;

/** Which way a message goes: from the front-end to the back-end, or back. */
public enum Flow {
  FRONT_TO_BACK("front-to-back", Direction.FRONT_END),
  BACK_TO_FRONT("back-to-front", Direction.BACK_END);

  private final String word;
  private final Direction sender;

  Flow(String word, Direction sender) {
    this.word = word;
    this.sender = sender;
  }

  /** The spelling in a transcript. */
  public String word() {
    return word;
  }

  /** The side that sends messages flowing this way. */
  public Direction sender() {
    return sender;
  }

  /** The other way. */
  public Flow reverse() {
    return this == FRONT_TO_BACK ? BACK_TO_FRONT : FRONT_TO_BACK;
  }

  /** The way requests go on a channel: front-end requests on main, back-end ones on its channel. */
  public static Flow ofRequests(Channel channel) {
    return channel == Channel.MAIN ? FRONT_TO_BACK : BACK_TO_FRONT;
  }

  /** The flow with this spelling, or null. */
  public static Flow of(String word) {
    for (Flow f : values()) {
      if (f.word.equals(word)) {
        return f;
      }
    }
    return null;
  }
}
