package org.vhostuser.spec.registry;

/** Whether an enum's members are exclusive values or bits that combine. */
public enum EnumKind {
  VALUES,
  FLAGS
}
