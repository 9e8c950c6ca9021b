package org.vhostuser.spec.history;

import java.util.Locale;
import java.util.Optional;

/**
 * The breaking-change rules for the wire protocol, with stable ids. An error breaks peers that
 * already speak the protocol; a warning breaks code generated from the registry.
 */
public enum BreakRule {
  NUMBER_CHANGED(true, "an existing message, feature, flag or enum member got another id, bit"
      + " or value"),
  NUMBER_REUSED(true, "a number that an earlier revision gave to another entry is used again"),
  REMOVED_NOT_DEPRECATED(true, "a stable message or feature was removed without being"
      + " deprecated first"),
  NUMBER_NOT_RETIRED(true, "a removed message or feature whose number is not listed under"
      + " retired, so it could be given out again"),
  VALUE_REMOVED(true, "an enum member or header flag was removed while peers may still send it"),
  STATUS_REGRESSED(true, "a stable or deprecated entry was made proposed or reserved again"),
  FIELD_CHANGED(true, "a payload or header field changed its type, count or kind"),
  FIELD_REMOVED(true, "a payload or header field was removed"),
  FIELD_MOVED(true, "a payload or header field moved to another offset (fields inserted,"
      + " removed or reordered before it)"),
  PAYLOAD_SHORTER(true, "a payload became shorter"),
  PAYLOAD_REPLACED(true, "a message's request or reply payload was replaced by a different"
      + " layout"),
  REPLY_CHANGED(true, "a message's reply was made mandatory, optional or absent"),
  FDS_CHANGED(true, "the file descriptors a message carries changed"),
  REQUIREMENT_ADDED(true, "an existing message or feature needs a feature it did not need"),
  LIMIT_LOWERED(true, "a protocol limit was lowered"),
  RENAMED_WITHOUT_PREVIOUS_NAME(false, "an entry was renamed without keeping its old name in"
      + " previous_names, so generated code loses the old name");

  private final boolean breaksPeers;
  private final String description;

  BreakRule(boolean breaksPeers, String description) {
    this.breaksPeers = breaksPeers;
    this.description = description;
  }

  /** The id shown in reports and written in the accepted-breaks file. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for errors (the wire protocol breaks); false for warnings. */
  public boolean breaksPeers() {
    return breaksPeers;
  }

  /** "error" or "warning". */
  public String severity() {
    return breaksPeers ? "error" : "warning";
  }

  /** One sentence saying what the rule reports. */
  public String description() {
    return description;
  }

  /** The rule with this id. */
  public static Optional<BreakRule> byId(String id) {
    for (BreakRule rule : values()) {
      if (rule.id().equals(id)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}
