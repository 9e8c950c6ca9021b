package org.vhostuser.spec.registry;

import java.util.Locale;

/** When the receiver of a request answers it. */
public enum Replies {
  /** A reply is sent whatever was negotiated. */
  ALWAYS,
  /** A reply is sent only in the situation the message's reply condition describes. */
  CONDITIONAL,
  /** Only the generic status reply, when REPLY_ACK was negotiated and NEED_REPLY is set. */
  REPLY_ACK,
  /** No reply at all. */
  NEVER;

  /** The spelling used in the YAML files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
