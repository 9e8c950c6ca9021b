package org.vhostuser.spec.prose;

import java.util.Arrays;
import java.util.Optional;

/** Where a rule comes from: QEMU's text (a section), implementations' behaviour, or a position. */
public record RuleSource(Kind kind, String value) {
  /** The kinds of source, each written as one attribute of {@code vu-rule:ID[...]}. */
  public enum Kind {
    /** {@code qemu="Section title"}: QEMU's vhost-user.rst says so in that section. */
    QEMU("qemu"),
    /** {@code impl="who and where"}: what implementations do, which QEMU's text does not say. */
    IMPLEMENTATION("impl"),
    /** {@code position="reason"}: a position this specification takes, with its reason. */
    POSITION("position");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The attribute name written in the rule's brackets. */
    public String key() {
      return key;
    }

    /** The kind written as {@code key}, if any. */
    public static Optional<Kind> ofKey(String key) {
      return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
  }
}
