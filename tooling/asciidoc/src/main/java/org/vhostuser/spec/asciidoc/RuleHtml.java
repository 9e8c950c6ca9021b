package org.vhostuser.spec.asciidoc;

import java.util.Locale;

/**
 * The HTML of the rule markup: the permalink and source label that open a rule, and a link to a
 * rule. Anchors are {@code rule-ID}; positions link to the positions page of the site.
 */
public final class RuleHtml {
  /** QEMU's rendered manual page of the vhost-user text, whose section anchors rules cite. */
  public static final String QEMU_MANUAL = "https://www.qemu.org/docs/master/interop/vhost-user.html";
  /** The site page that lists every position of this specification. */
  public static final String POSITIONS_PAGE = "positions.html";

  private RuleHtml() {}

  /** The anchor of a rule. */
  public static String anchor(String id) {
    return "rule-" + id;
  }

  /** The anchor Sphinx gives a section of QEMU's manual with this title. */
  public static String qemuSectionAnchor(String title) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^[^a-z]+|-+$", "");
  }

  /**
   * What opens a rule: its id as a permalink, then where it comes from ({@code kind} is qemu,
   * impl or position, {@code value} the section, the implementations or the reason). Asciidoctor
   * has already escaped {@code &}, {@code <} and {@code >} in the macro's target and attributes.
   */
  static String opening(String id, String kind, String value) {
    String anchor = attribute(anchor(id));
    String source = switch (kind) {
      case "qemu" -> "<a class=\"vu-rule-source vu-rule-qemu\" href=\"" + QEMU_MANUAL + "#"
          + qemuSectionAnchor(value) + "\">QEMU: " + value + "</a>";
      case "impl" -> "<span class=\"vu-rule-source vu-rule-impl\">implementations: "
          + value + "</span>";
      default -> "<a class=\"vu-rule-source vu-rule-position\" href=\"" + POSITIONS_PAGE + "#"
          + anchor + "\" title=\"" + attribute(value)
          + "\">position of this specification</a>";
    };
    return "<span class=\"vu-rule\" id=\"" + anchor + "\"><a class=\"vu-rule-id\" href=\"#"
        + anchor + "\">" + id + "</a>" + source + "</span>";
  }

  /** A link to a rule, showing {@code text} or, when blank, the rule's id. */
  static String reference(String id, String text) {
    String shown = text == null || text.isBlank() ? id : text;
    return "<a class=\"vu-rule-ref\" href=\"#" + attribute(anchor(id)) + "\">" + shown + "</a>";
  }

  /** Text already escaped by Asciidoctor, made safe inside a quoted HTML attribute. */
  private static String attribute(String escaped) {
    return escaped.replace("\"", "&quot;");
  }
}
