package org.vhostuser.spec.asciidoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins separately rendered parts of the specification into the HTML one render of the whole
 * would give: chapter numbers, appendix letters and table numbers continue from part to part
 * (each part is rendered as if it came first, so its HTML can be cached however the parts
 * before it change), and a cross-reference without text to an anchor of another part shows that
 * anchor's text. An anchor defined by two parts is a problem, as it is in one document.
 */
public final class SpecAssembly {
  private static final String HEADING =
      "(<h[2-6] id=\"[^\"]*\"><a class=\"anchor\" href=\"[^\"]*\"></a><a class=\"link\" href=\"[^\"]*\">)";
  private static final Pattern CHAPTER_NUMBER = Pattern.compile(HEADING + "(\\d+)\\.");
  private static final Pattern APPENDIX_LETTER =
      Pattern.compile(HEADING + "(Appendix |)([A-Z])(:|\\.(?=\\d))");
  private static final Pattern CHAPTER = Pattern.compile("<h2 id=\"[^\"]*\"><a class=\"anchor\""
      + " href=\"[^\"]*\"></a><a class=\"link\" href=\"[^\"]*\">(?:(\\d+)\\.|Appendix ([A-Z]):)");
  private static final Pattern TABLE_NUMBER = Pattern.compile("(<caption class=\"title\">Table )(\\d+)\\.");
  private static final Pattern UNRESOLVED_XREF = Pattern.compile("<a href=\"#([^\"]+)\">\\[\\1\\]</a>");
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

  /** The joined HTML, where each part starts in it, and the problems of joining. */
  public record Assembled(String html, List<Integer> partStarts, List<String> problems) {
    public Assembled {
      partStarts = List.copyOf(partStarts);
      problems = List.copyOf(problems);
    }
  }

  private SpecAssembly() {}

  /** Joins {@code rendered}, the parts of {@code parts} in the same order. */
  public static Assembled join(List<SpecParts.Part> parts, List<SpecRenderer.RenderedPart> rendered) {
    Map<String, String> refs = new HashMap<>();
    Map<String, String> owner = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rendered.size(); i++) {
      refs.putAll(rendered.get(i).refs());
      Matcher id = ID.matcher(rendered.get(i).html());
      while (id.find()) {
        String previous = owner.putIfAbsent(id.group(1), parts.get(i).name());
        if (previous != null && !previous.equals(parts.get(i).name())) {
          problems.add(parts.get(i).source() + ": anchor '" + id.group(1)
              + "' is already defined in " + previous);
        }
      }
    }
    StringBuilder html = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    int chapters = 0;
    int appendices = 0;
    int tables = 0;
    for (int i = 0; i < rendered.size(); i++) {
      String part = rendered.get(i).html();
      int partChapters = 0;
      int partAppendices = 0;
      Matcher chapter = CHAPTER.matcher(part);
      while (chapter.find()) {
        if (chapter.group(1) != null) {
          partChapters++;
        } else {
          partAppendices++;
        }
      }
      int partTables = 0;
      Matcher table = TABLE_NUMBER.matcher(part);
      while (table.find()) {
        partTables++;
      }
      part = shiftNumbers(part, chapters, appendices, tables);
      part = resolveReferences(part, refs, rendered.get(i).refs());
      if (i > 0) {
        html.append('\n');
      }
      starts.add(html.length());
      html.append(part);
      chapters += partChapters;
      appendices += partAppendices;
      tables += partTables;
    }
    return new Assembled(html.toString(), starts, problems);
  }

  private static String shiftNumbers(String html, int chapters, int appendices, int tables) {
    if (chapters > 0) {
      html = CHAPTER_NUMBER.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
          m.group(1) + (Integer.parseInt(m.group(2)) + chapters) + "."));
    }
    if (appendices > 0) {
      html = APPENDIX_LETTER.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
          m.group(1) + m.group(2) + (char) (m.group(3).charAt(0) + appendices) + m.group(4)));
    }
    if (tables > 0) {
      html = TABLE_NUMBER.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
          m.group(1) + (Integer.parseInt(m.group(2)) + tables) + "."));
    }
    return html;
  }

  private static String resolveReferences(
      String html, Map<String, String> refs, Map<String, String> own) {
    return UNRESOLVED_XREF.matcher(html).replaceAll(m -> {
      String text = own.containsKey(m.group(1)) ? null : refs.get(m.group(1));
      return Matcher.quoteReplacement(text == null ? m.group(0)
          : "<a href=\"#" + m.group(1) + "\">" + text + "</a>");
    });
  }
}
