package org.vhostuser.spec.registry;

import java.util.List;

/**
 * The protocol and virtio features a message needs, and whether the peer's offer of them is
 * enough ({@code when: offered}) or both sides must have negotiated them (the default). A
 * requirement may cite the spec rule it stands for; without one, checks cite the general rule.
 */
public record Requirements(List<Ref> protocol, List<Ref> virtio, boolean offeredIsEnough,
    String rule, SourcePosition ruleAt) {
  public Requirements {
    protocol = List.copyOf(protocol);
    virtio = List.copyOf(virtio);
  }

  /** Features that must be negotiated, citing no rule of their own. */
  public Requirements(List<Ref> protocol, List<Ref> virtio) {
    this(protocol, virtio, false, null, null);
  }

  /** No requirement at all. */
  public static Requirements none() {
    return new Requirements(List.of(), List.of());
  }

  /** True when the message needs no feature. */
  public boolean isEmpty() {
    return protocol.isEmpty() && virtio.isEmpty();
  }
}
