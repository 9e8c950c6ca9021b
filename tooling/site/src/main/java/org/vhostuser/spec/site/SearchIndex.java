package org.vhostuser.spec.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.JsonWriter;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Status;

/**
 * The client-side search index, built at render time: every section of the specification with
 * its prose, messages, features, payloads, payload fields, enums and constants, each with its
 * link, a text to search and show a snippet of, and its numbers (ids, bits, masks and values in
 * decimal and hexadecimal, so "0x20" finds what has that number). It is written as a script that
 * sets {@code window.VU_SEARCH}, loaded only when a reader starts searching, so search works from
 * a page opened as a file and costs nothing until used.
 */
final class SearchIndex {
  private static final Pattern HEADING =
      Pattern.compile("<h([2-5]) id=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL);
  /** Registry cards and tables in the prose: indexed as entries of their own, not as prose. */
  private static final Pattern REGISTRY_BLOCK = Pattern.compile(
      "<div id=\"[^\"]*\" class=\"sidebarblock vu-card.*?</table>\\s*</div>\\s*</div>"
          + "|<table[^>]*class=\"[^\"]*\\bvu-(?:payload|enum|index)\\b.*?</table>", Pattern.DOTALL);
  /** A tag that ends a block of text (a space in the text), and any other tag. */
  private static final Pattern BLOCK_TAG = Pattern.compile(
      "</?(?:p|div|li|ul|ol|dl|dt|dd|td|th|tr|table|caption|h[1-6]|br|pre|blockquote)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot);");

  /**
   * One searchable entry: title, kind, link, text (a summary or a section's prose) and numbers
   * (space-separated, empty when it has none).
   */
  record Entry(String title, String kind, String url, String text, String numbers) {
    Entry(String title, String kind, String url, String text) {
      this(title, kind, url, text, "");
    }
  }

  private SearchIndex() {}

  /** Every entry of {@code registry} and every section of the rendered specification. */
  static List<Entry> entries(Registry registry, String specHtml) {
    List<Entry> entries = new ArrayList<>();
    // A reservation has no card: its row on the index page is where it is found.
    registry.allMessages().forEach(m -> entries.add(new Entry(m.name(), "message",
        m.status() == Status.RESERVED ? "messages.html" : url(Anchors.constant(m.name())),
        m.summary(), numbers(m.id()))));
    registry.allFeatures().forEach(f -> entries.add(new Entry(f.name(), "feature",
        f.status() == Status.RESERVED ? "features.html" : url(Anchors.constant(f.name())),
        f.summary(),
        f.bit() == null ? "" : numbers(f.bit()) + " " + hex(1L << f.bit()))));
    Layouts layouts = Layouts.of(registry);
    for (Payload p : registry.payloads()) {
      entries.add(new Entry(p.name(), "payload", url(Anchors.payload(p.name())), p.summary(),
          layouts.of(p.name()).map(l -> String.valueOf(l.size())).orElse("")));
      for (Field field : p.fields()) {
        entries.add(new Entry(p.name() + "." + field.name(), "field",
            url(Anchors.field(p.name(), field.name())), field.summary()));
      }
    }
    for (EnumType type : registry.enums()) {
      entries.add(new Entry(type.name(), "enum", url(Anchors.enumType(type.name())),
          type.summary()));
      type.members().forEach(m -> entries.add(constant(m)));
    }
    registry.header().flags().forEach(f -> entries.add(constant(f)));
    for (Limit limit : registry.header().limits()) {
      entries.add(new Entry(limit.name(), "constant", url(Anchors.constant(limit.name())),
          limit.summary(), limit.value() == null ? "" : numbers(limit.value())));
    }
    sections(specHtml, entries);
    for (RenderedRules.RenderedRule rule : RenderedRules.of(specHtml)) {
      entries.add(new Entry(rule.id(), "rule", "index.html#rule-" + rule.id(), rule.plainText()));
    }
    return entries;
  }

  /** A section entry per heading, with the prose up to the next heading. */
  private static void sections(String specHtml, List<Entry> entries) {
    Matcher heading = HEADING.matcher(specHtml);
    String title = null;
    String anchor = null;
    int textStart = 0;
    while (true) {
      boolean found = heading.find();
      if (title != null) {
        String prose = specHtml.substring(textStart, found ? heading.start() : specHtml.length());
        entries.add(new Entry(title, "section", url(anchor), plainText(
            REGISTRY_BLOCK.matcher(prose).replaceAll(" "))));
      }
      if (!found) {
        return;
      }
      title = plainText(heading.group(3));
      anchor = heading.group(2);
      textStart = heading.end();
    }
  }

  private static Entry constant(EnumMember member) {
    String numbers = member.value() != null ? numbers(member.value())
        : member.bit() != null ? numbers(member.bit()) + " " + hex(1L << member.bit())
        : member.mask() != null ? numbers(member.mask()) : "";
    return new Entry(member.name(), "constant", url(Anchors.constant(member.name())),
        member.summary(), numbers);
  }

  private static String url(String anchor) {
    return "index.html#" + anchor;
  }

  /** A number in decimal and in hexadecimal. */
  private static String numbers(long value) {
    return value + " " + hex(value);
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** HTML as the text a reader sees: no tags, entities decoded, white space collapsed. */
  static String plainText(String html) {
    String text = TAG.matcher(BLOCK_TAG.matcher(html).replaceAll(" ")).replaceAll("");
    Matcher entity = ENTITY.matcher(text);
    StringBuilder decoded = new StringBuilder();
    while (entity.find()) {
      String name = entity.group(1);
      String character = switch (name) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        default -> new String(Character.toChars(name.startsWith("#x")
            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
      };
      entity.appendReplacement(decoded, Matcher.quoteReplacement(character));
    }
    entity.appendTail(decoded);
    return decoded.toString().replaceAll("\\s+", " ").strip();
  }

  /** The script that defines the index: one compact JSON array of arrays. */
  static String script(List<Entry> entries) {
    StringBuilder json = new StringBuilder("window.VU_SEARCH = [\n");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      json.append('[').append(JsonWriter.quote(e.title())).append(',')
          .append(JsonWriter.quote(e.kind())).append(',').append(JsonWriter.quote(e.url()))
          .append(',').append(JsonWriter.quote(e.text() == null ? "" : e.text())).append(',')
          .append(JsonWriter.quote(e.numbers().toLowerCase(Locale.ROOT))).append(']')
          .append(i + 1 < entries.size() ? ",\n" : "\n");
    }
    return json.append("];\n").toString();
  }
}
