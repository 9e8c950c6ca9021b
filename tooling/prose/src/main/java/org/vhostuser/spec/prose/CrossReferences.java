package org.vhostuser.spec.prose;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Spelling;

/**
 * Every cross-reference of the prose ({@code <<id>>}, {@code <<id,text>>}, {@code xref:id[]})
 * names an anchor the prose defines: an explicit one ({@code [[id]]}, {@code [#id]},
 * {@code anchor:id[]}), a section title's generated id, or a rule's {@code rule-ID}. Read from the
 * light scan, so {@code validate} reports a broken reference at its line and column without
 * starting the renderer. References to a registry entry's anchor are {@link ProseRules}' concern.
 */
public final class CrossReferences {
  static final Pattern REFERENCE = ProseRules.CROSS_REFERENCE;
  static final Pattern INLINE_ANCHOR =
      Pattern.compile("\\[\\[([A-Za-z_:][\\w:.-]*)(?:,[^\\]]*)?\\]\\]|anchor:([A-Za-z_:][\\w:.-]*)\\[");
  static final Pattern BLOCK_ID = Pattern.compile("^\\[[^\\[\\]]*#([A-Za-z_:][\\w:.-]*)[^\\]]*\\]\\s*$");
  static final Pattern ID_ATTRIBUTE = Pattern.compile("^\\[[^\\[\\]]*\\bid=\"?([A-Za-z_:][\\w:.-]*)");
  static final Pattern SECTION_TITLE = Pattern.compile("^(={2,6}|#{2,6}) +(\\S.*?)\\s*$");
  static final Pattern ATTRIBUTE = Pattern.compile("^:(idprefix|idseparator):\\s*(.*?)\\s*$");
  static final Pattern INVALID_ID_CHARS = Pattern.compile(
      "<[^>]+>|&(?:[a-z][a-z]+\\d{0,2}|#\\d\\d\\d{0,4}|#x[\\da-f][\\da-f][\\da-f]{0,3});"
          + "|[^ \\p{L}\\p{N}_\\-.]+");

  private CrossReferences() {}

  /**
   * The broken cross-references of {@code index}; {@code registryAnchors} are the anchors of
   * registry cards, which another rule reports.
   */
  public static List<Diagnostic> check(ProseIndex index, Set<String> registryAnchors) {
    Set<String> anchors = anchors(index);
    Diagnostics out = new Diagnostics();
    for (ProseLine line : index.lines()) {
      if (line.verbatim()) {
        continue;
      }
      Matcher reference = REFERENCE.matcher(line.text());
      while (reference.find()) {
        String anchor = reference.group(1) != null ? reference.group(1) : reference.group(2);
        if (!anchors.contains(anchor) && !registryAnchors.contains(anchor)) {
          out.error(new SourcePosition(line.file(), line.line(), reference.start() + 1),
              Code.PROSE_BROKEN_XREF, "cross-reference to '" + anchor + "', which no anchor,"
                  + " section or rule of the prose defines" + Spelling.suggestion(anchor, anchors));
        }
      }
    }
    return out.sorted();
  }

  /** Every anchor the prose defines, explicit or generated from a section title. */
  public static Set<String> anchors(ProseIndex index) {
    Set<String> anchors = new HashSet<>();
    index.rules().forEach(rule -> anchors.add("rule-" + rule.id())); // vu-rule:ID[...] anchors
    Map<String, String> attributes = new HashMap<>(Map.of("idprefix", "_", "idseparator", "_"));
    boolean explicitBefore = false;
    for (ProseLine line : index.lines()) {
      if (line.verbatim()) {
        continue;
      }
      String text = line.text();
      Matcher attribute = ATTRIBUTE.matcher(text);
      if (attribute.matches()) {
        attributes.put(attribute.group(1), attribute.group(2));
        continue;
      }
      Matcher inline = INLINE_ANCHOR.matcher(text);
      boolean explicit = false;
      while (inline.find()) {
        anchors.add(inline.group(1) != null ? inline.group(1) : inline.group(2));
        explicit = explicit || inline.start() == 0 && inline.end() == text.strip().length();
      }
      for (Pattern blockId : List.of(BLOCK_ID, ID_ATTRIBUTE)) {
        Matcher id = blockId.matcher(text);
        if (id.find()) {
          anchors.add(id.group(1));
          explicit = true;
        }
      }
      Matcher title = SECTION_TITLE.matcher(text);
      if (title.matches() && !explicitBefore) {
        anchors.add(sectionId(title.group(2), attributes.get("idprefix"),
            attributes.get("idseparator")));
      }
      explicitBefore = explicit || (explicitBefore && text.startsWith("["));
    }
    return anchors;
  }

  /**
   * The title of every section of the prose by its anchor: the explicit anchor written before
   * the title, or the id Asciidoctor gives the title.
   */
  public static Map<String, String> sectionTitles(ProseIndex index) {
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    Map<String, String> attributes = new HashMap<>(Map.of("idprefix", "_", "idseparator", "_"));
    String pending = null;
    for (ProseLine line : index.lines()) {
      if (line.verbatim()) {
        continue;
      }
      Matcher attribute = ATTRIBUTE.matcher(line.text());
      if (attribute.matches()) {
        attributes.put(attribute.group(1), attribute.group(2));
      }
      Matcher inline = INLINE_ANCHOR.matcher(line.text().strip());
      if (inline.matches() && inline.group(1) != null) {
        pending = inline.group(1);
        continue;
      }
      Matcher title = SECTION_TITLE.matcher(line.text());
      if (title.matches()) {
        titles.put(pending != null ? pending : sectionId(title.group(2),
            attributes.get("idprefix"), attributes.get("idseparator")), title.group(2));
      }
      if (!line.text().startsWith("[")) {
        pending = null;
      }
    }
    return titles;
  }

  /** The id Asciidoctor gives a section title that has no explicit anchor. */
  static String sectionId(String title, String prefix, String separator) {
    String id = INVALID_ID_CHARS.matcher(title.toLowerCase(Locale.ROOT)).replaceAll("");
    String sep = separator.isEmpty() ? "" : separator.substring(0, 1);
    id = id.replaceAll("[ .-]+", Matcher.quoteReplacement(sep));
    if (!sep.isEmpty()) {
      while (id.startsWith(sep)) {
        id = id.substring(1);
      }
      while (id.endsWith(sep)) {
        id = id.substring(0, id.length() - 1);
      }
    }
    return prefix + id;
  }
}
