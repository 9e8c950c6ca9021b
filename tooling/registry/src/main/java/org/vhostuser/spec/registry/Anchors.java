package org.vhostuser.spec.registry;

/**
 * The permalink anchor of every registry entry, derived from its name (never from a number or
 * a position), so that a link to an entry keeps working as the specification grows.
 */
public final class Anchors {
  private Anchors() {}

  /** A message, feature, enum member, header flag or limit: the constant's own name. */
  public static String constant(String name) {
    return name;
  }

  /** A payload: {@code payload-vring_addr}. */
  public static String payload(String payload) {
    return "payload-" + payload;
  }

  /** A payload field: {@code payload-vring_addr.log_guest_addr}. */
  public static String field(String payload, String field) {
    return payload(payload) + "." + field;
  }

  /** An enum: {@code enum-iotlb_type}. */
  public static String enumType(String name) {
    return "enum-" + name;
  }
}
