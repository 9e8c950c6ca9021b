package org.vhostuser.spec.generate;

import java.util.Locale;
import java.util.Set;

/** Derives each language's identifiers from registry names. */
final class Names {
  private static final Set<String> RUST_KEYWORDS = Set.of("as", "break", "const", "continue",
      "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
      "match", "mod", "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super",
      "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
      "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
      "unsized", "virtual", "yield", "try", "gen");

  private Names() {}

  /** {@code vring_addr} or {@code GET_FEATURES} to {@code VringAddr} / {@code GetFeatures}. */
  static String camel(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** A Rust field name, escaped when it is a keyword ({@code type} becomes {@code r#type}). */
  static String rustField(String name) {
    return RUST_KEYWORDS.contains(name) ? "r#" + name : name;
  }

  /** The name without a known prefix, for enum variants and feature constants. */
  static String strip(String name, String prefix) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  /** The words put before an entry's summary in generated documentation, by its status. */
  static String statusNote(org.vhostuser.spec.registry.Status status) {
    return switch (status) {
      case STABLE -> "";
      case DEPRECATED -> "Deprecated. ";
      case PROPOSED -> "Proposed, not yet agreed. ";
      case RESERVED -> "Reserved for a change in review. ";
    };
  }

  /**
   * The constant naming a reserved number range, without _FIRST or _LAST: the table and the
   * range's use, as in {@code VHOST_USER_FRONT_END_EXPERIMENTS}.
   */
  static String range(org.vhostuser.spec.registry.NumberRange range) {
    return ("VHOST_USER_" + range.table() + "_" + range.use()).toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9]+", "_");
  }

  /** What a reserved range's constants say of it: its summary and its bounds. */
  static String rangeDoc(org.vhostuser.spec.registry.NumberRange range) {
    return doc(range.summary()) + " Numbers 0x" + Long.toHexString(range.first()) + " to 0x"
        + Long.toHexString(range.last()) + " of the " + range.table() + " table.";
  }

  /** One line of documentation text: collapsed white space, no comment terminators. */
  static String doc(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").replace("*/", "* /");
  }
}
