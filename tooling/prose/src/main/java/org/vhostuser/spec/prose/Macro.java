package org.vhostuser.spec.prose;

import java.util.Arrays;
import java.util.Optional;

/** The AsciiDoc macros that tie the prose to the registry, by the name written in the text. */
public enum Macro {
  /** {@code vu:NAME[]}: an inline link to any registry entry. */
  REFERENCE("vu", false),
  /** {@code vu-rule-ref:ID[]}: an inline link to a rule of the prose. */
  RULE_REFERENCE("vu-rule-ref", false),
  /** {@code vu-message::NAME[]}: a message's card. */
  MESSAGE_CARD("vu-message", true),
  /** {@code vu-feature::NAME[]}: a feature's card. */
  FEATURE_CARD("vu-feature", true),
  /** {@code vu-payload::name[]}: a payload's layout table. */
  PAYLOAD_TABLE("vu-payload", true),
  /** {@code vu-enum::name[]}: an enum's members. */
  ENUM_TABLE("vu-enum", true),
  /** {@code vu-messages::front-end[]}: all messages of one direction. */
  MESSAGES_TABLE("vu-messages", true),
  /** {@code vu-features::protocol[]}: all features of one space. */
  FEATURES_TABLE("vu-features", true),
  /** {@code vu-header::[]}: the header fields and flags. */
  HEADER_TABLE("vu-header", true),
  /** {@code vu-limits::[]}: the protocol limits. */
  LIMITS_TABLE("vu-limits", true),
  /** {@code vu-notes::[]}: every note of the registry, grouped by entry. */
  NOTES_LIST("vu-notes", true);

  private final String macroName;
  private final boolean block;

  Macro(String macroName, boolean block) {
    this.macroName = macroName;
    this.block = block;
  }

  /** The name as written before the colon(s). */
  public String macroName() {
    return macroName;
  }

  /** True for block macros ({@code name::target[]} alone on a line). */
  public boolean isBlock() {
    return block;
  }

  /** The block macro with this name, if any. */
  public static Optional<Macro> block(String name) {
    return Arrays.stream(values()).filter(m -> m.block && m.macroName.equals(name)).findFirst();
  }
}
