package org.vhostuser.spec.registry;

import java.util.Locale;

/** The stable rule codes shown in every diagnostic, with what each one means. */
public enum Code {
  // Reading files.
  FILE_MISSING("a registry file that must exist is missing"),
  FILE_UNREADABLE("a registry file cannot be read"),
  FILE_TOO_LARGE("a registry file is larger than the loader accepts"),
  FILE_OUTSIDE("an input reached through a symbolic link that leads out of its folder, or into"
      + " /proc, /dev or /sys"),
  FILE_NOT_REGULAR("an input that is a FIFO, a device or a socket instead of a regular file"),
  TOO_DEEP("lists, mappings or includes nested deeper than the tools accept"),
  TOO_MANY("more entries, nodes or lines in one file than the tools accept"),
  INVALID_UTF8("a registry file is not valid UTF-8"),
  EMPTY_FILE("a registry file holds no YAML document"),
  YAML_SYNTAX("a registry file is not well-formed YAML"),
  UNKNOWN_FILE("a YAML file in the registry folder that no table uses"),
  // Shape of the tables.
  DUPLICATE_KEY("the same key appears twice in one mapping"),
  UNKNOWN_KEY("a key the table does not define"),
  MISSING_KEY("a required key is absent"),
  WRONG_TYPE("a value has the wrong type (for example a string where a number belongs)"),
  BAD_VALUE("a value is not one of those the key allows"),
  // Content rules.
  DUPLICATE_NUMBER("two entries of one table share an id or bit"),
  DUPLICATE_NAME("two entries of one table share a name or previous name"),
  NUMBER_OUT_OF_RANGE("an id, bit, value or count outside what its table allows"),
  NAME_PATTERN("a name that does not follow its table's naming pattern"),
  UNRESOLVED_REFERENCE("a reference to a payload, feature, message or enum that does not exist"),
  WRONG_REFERENCE_KIND("a reference that resolves, but to the wrong kind of entry"),
  SIZE_MISMATCH("a payload's stated size differs from the size computed from its fields"),
  FLEXIBLE_NOT_LAST("a flexible array that is not the last field of its payload"),
  PAYLOAD_CYCLE("a payload that contains itself, directly or through others"),
  FEATURE_CYCLE("features whose dependencies form a cycle"),
  DEPRECATED_WITHOUT_REASON("a deprecated entry without a reason or replacement"),
  DEPRECATION_MISMATCH("deprecation details on an entry whose status is not deprecated"),
  RETIRED_NUMBER_REUSED("an id or bit listed as retired is used by an entry"),
  REPLY_CONDITION("a conditional reply without its condition, or a condition without it"),
  FD_COUNT("file descriptor counts that are inverted or above the per-message limit"),
  ENABLES_MISMATCH("a feature's enables list differs from the messages that require the feature"),
  STABLE_NEEDS_PROPOSED("a stable entry that depends on a proposed or reserved one"),
  RESERVATION_WITHOUT_PROPOSAL("a reserved entry that does not name the proposal it holds the"
      + " number for, or its owner"),
  NUMBER_IN_RESERVED_RANGE("an entry whose id or bit lies in a range registry.yaml sets aside"),
  ENUM_VALUE("an enum member whose value does not fit its type or overlaps another"),
  // Prose and registry together.
  PROSE_INCLUDE_MISSING("an include directive names a file that does not exist"),
  PROSE_UNKNOWN_MACRO("a vu- block macro the toolchain does not provide"),
  PROSE_UNRESOLVED_REFERENCE("a macro in the prose names no registry entry of the right kind"),
  PROSE_MISSING_CARD("a message, feature, payload or enum has no card or table in the prose"),
  PROSE_DUPLICATE_CARD("a message, feature, payload or enum has more than one card or table"),
  PROSE_BARE_NUMBER("a message id or feature bit typed by hand next to its name in the prose"),
  PROSE_XREF_TO_REGISTRY("a cross-reference to a registry entry's anchor instead of vu:NAME[]"),
  PROSE_KEYWORD_OUTSIDE_RULE("an RFC 2119 keyword (MUST, SHOULD, MAY, ...) in upper case outside"
      + " a vu-rule"),
  PROSE_RULE_WITHOUT_SOURCE("a vu-rule without exactly one source (qemu=, impl= or position=)"),
  PROSE_DUPLICATE_RULE("two vu-rule macros with the same id"),
  PROSE_RULE_ID("a vu-rule id that is not lower-case words joined by dashes"),
  UNKNOWN_RULE_ID("a rule id the registry cites for the wire checks that no vu-rule in the prose"
      + " defines"),
  PROSE_BROKEN_XREF("a cross-reference (<<id>> or xref:id[]) to an anchor the prose does not"
      + " define"),
  PROSE_RAW_HTML("raw HTML passthrough in the prose (+++, pass:[], ++++ blocks, subs that drop"
      + " specialchars)"),
  PROSE_SCRIPT_LINK("a javascript:, vbscript: or data: link or image target in the prose"),
  PROSE_ALLOWED_MARKUP("an entry of the prose's allow-list of raw HTML that is malformed or"
      + " matches nothing"),
  // Rendering the website.
  RENDER_WARNING("a warning of the AsciiDoc renderer while rendering the specification"),
  RENDER_BROKEN_LINK("a link of the rendered website to a page or anchor that does not exist"),
  // The MAINTAINERS file.
  MAINTAINERS_FORMAT("a MAINTAINERS line or section that does not follow the documented format"),
  MAINTAINERS_PATTERN("a MAINTAINERS file pattern that matches no file of the repository"),
  // QEMU's vhost-user.rst, read by import-rst and compare-rst.
  RST_NOT_A_SPEC("a file read as vhost-user.rst that is not a vhost-user specification"),
  RST_BAD_FIELD("a message or feature line of vhost-user.rst whose value cannot be read"),
  RULE_SECTION_MISSING("a rule of the prose cites a section of QEMU's text that the compared"
      + " vhost-user.rst does not have"),
  KNOWN_DIFFERENCE("an entry of a known-differences file that is malformed or no longer occurs"),
  // Implementation sources, read by conform.
  CONFORM_INPUT("a file given to conform that is not source text: binary data, or too large"),
  CONFORM_ENCODING("a file given to conform that is not UTF-8; it is read as Latin-1"),
  CONFORM_NOTHING_FOUND("a file given to conform that defines no vhost-user constant"),
  CONFORM_UNREADABLE("a constant of a vhost-user entry whose value conform cannot read"),
  // Reading the history.
  REVISION_UNREADABLE("a registry table of an earlier commit that cannot be read; the history"
      + " rules go on without it (warning)");

  private final String description;

  Code(String description) {
    this.description = description;
  }

  /** The code as printed: lower case words joined by dashes, for example {@code duplicate-key}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** One sentence saying what the rule reports. */
  public String description() {
    return description;
  }
}
