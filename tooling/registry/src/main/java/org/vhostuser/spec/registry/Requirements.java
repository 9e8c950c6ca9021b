package org.vhostuser.spec.registry;

import java.util.List;

/** The protocol and virtio features that must be negotiated before a message may be sent. */
public record Requirements(List<Ref> protocol, List<Ref> virtio) {
  public Requirements {
    protocol = List.copyOf(protocol);
    virtio = List.copyOf(virtio);
  }

  /** No requirement at all. */
  public static Requirements none() {
    return new Requirements(List.of(), List.of());
  }
}
