package org.vhostuser.spec.registry;

/** The two feature spaces a connection negotiates. */
public enum FeatureKind {
  /** Bits of GET/SET_PROTOCOL_FEATURES. */
  PROTOCOL,
  /** Bits of GET/SET_FEATURES that the protocol itself relies on. */
  VIRTIO
}
