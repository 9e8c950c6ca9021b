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
 *
 * <p>Each part is scanned once into a {@link Piece} (kept with the part in a cache), so joining
 * is a copy with a few edits at known places.
 */
public final class SpecAssembly {
  /** The numeral of a numbered heading: a chapter number, or an appendix letter. */
  private static final Pattern NUMERAL =
      Pattern.compile("(<h([2-6])) id=\"[^\"]*\">(?:<a class=\"anchor\" href=\"[^\"]*\"></a>)?"
          + "<a class=\"link\" href=\"[^\"]*\">(?:(\\d+)\\.|(Appendix )?([A-Z])(?::|\\.(?=\\d)))");
  private static final Pattern TABLE_NUMBER = Pattern.compile("<caption class=\"title\">Table (\\d+)\\.");
  private static final Pattern UNRESOLVED_XREF = Pattern.compile("<a href=\"#([^\"]+)\">\\[\\1\\]</a>");
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

  /** The joined HTML, where each part starts in it, and the problems of joining. */
  public record Assembled(String html, List<Integer> partStarts, List<String> problems) {
    public Assembled {
      partStarts = List.copyOf(partStarts);
      problems = List.copyOf(problems);
    }
  }

  /** A place in a part's HTML to rewrite when joining. */
  private record Edit(int start, int end, Kind kind, int number, String id) {}

  private enum Kind { CHAPTER, APPENDIX, TABLE, REFERENCE }

  /**
   * A rendered part, scanned: its anchors, how many chapters, appendices and numbered tables it
   * holds, and the places to rewrite when it is joined after other parts.
   */
  public static final class Piece {
    private final SpecRenderer.RenderedPart part;
    private final List<String> ids;
    private final List<Edit> edits;
    private final int chapters;
    private final int appendices;
    private final int tables;

    private Piece(SpecRenderer.RenderedPart part, List<String> ids, List<Edit> edits,
        int chapters, int appendices, int tables) {
      this.part = part;
      this.ids = List.copyOf(ids);
      this.edits = List.copyOf(edits);
      this.chapters = chapters;
      this.appendices = appendices;
      this.tables = tables;
    }

    public SpecRenderer.RenderedPart part() {
      return part;
    }
  }

  private SpecAssembly() {}

  /** Scans one rendered part. */
  public static Piece piece(SpecRenderer.RenderedPart part) {
    String html = part.html();
    List<Edit> edits = new ArrayList<>();
    int chapters = 0;
    int appendices = 0;
    int tables = 0;
    Matcher numeral = NUMERAL.matcher(html);
    while (numeral.find()) {
      boolean chapter = numeral.group(2).equals("2");
      if (numeral.group(3) != null) {
        edits.add(new Edit(numeral.start(3), numeral.end(3), Kind.CHAPTER,
            Integer.parseInt(numeral.group(3)), null));
        chapters += chapter ? 1 : 0;
      } else if (numeral.group(4) != null || !chapter) {
        edits.add(new Edit(numeral.start(5), numeral.end(5), Kind.APPENDIX,
            numeral.group(5).charAt(0), null));
        appendices += chapter ? 1 : 0;
      }
    }
    Matcher table = TABLE_NUMBER.matcher(html);
    while (table.find()) {
      edits.add(new Edit(table.start(1), table.end(1), Kind.TABLE,
          Integer.parseInt(table.group(1)), null));
      tables++;
    }
    Matcher reference = UNRESOLVED_XREF.matcher(html);
    while (reference.find()) {
      if (!part.refs().containsKey(reference.group(1))) {
        int text = reference.end(1) + 2;
        edits.add(new Edit(text, reference.end() - 4, Kind.REFERENCE, 0, reference.group(1)));
      }
    }
    edits.sort((a, b) -> Integer.compare(a.start(), b.start()));
    List<String> ids = new ArrayList<>();
    Matcher id = ID.matcher(html);
    while (id.find()) {
      ids.add(id.group(1));
    }
    return new Piece(part, ids, edits, chapters, appendices, tables);
  }

  /** Joins {@code rendered}, the parts of {@code parts} in the same order. */
  public static Assembled join(List<SpecParts.Part> parts, List<SpecRenderer.RenderedPart> rendered) {
    return joinPieces(parts, rendered.stream().map(SpecAssembly::piece).toList());
  }

  /** Joins {@code pieces}, the scanned parts of {@code parts} in the same order. */
  public static Assembled joinPieces(List<SpecParts.Part> parts, List<Piece> pieces) {
    Map<String, String> refs = new HashMap<>();
    Map<String, String> owner = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      refs.putAll(pieces.get(i).part.refs());
      for (String id : pieces.get(i).ids) {
        String previous = owner.putIfAbsent(id, parts.get(i).name());
        if (previous != null && !previous.equals(parts.get(i).name())) {
          problems.add(parts.get(i).source() + ": anchor '" + id
              + "' is already defined in " + previous);
        }
      }
    }
    StringBuilder html = new StringBuilder(
        pieces.stream().mapToInt(p -> p.part.html().length() + 1).sum() + 4096);
    List<Integer> starts = new ArrayList<>();
    int chapters = 0;
    int appendices = 0;
    int tables = 0;
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      String part = piece.part.html();
      if (i > 0) {
        html.append('\n');
      }
      starts.add(html.length());
      int copied = 0;
      for (Edit edit : piece.edits) {
        html.append(part, copied, edit.start());
        switch (edit.kind()) {
          case CHAPTER -> html.append(edit.number() + chapters);
          case APPENDIX -> html.append((char) (edit.number() + appendices));
          case TABLE -> html.append(edit.number() + tables);
          case REFERENCE -> {
            String text = refs.get(edit.id());
            html.append(text == null ? part.substring(edit.start(), edit.end()) : text);
          }
        }
        copied = edit.end();
      }
      html.append(part, copied, part.length());
      chapters += piece.chapters;
      appendices += piece.appendices;
      tables += piece.tables;
    }
    return new Assembled(html.toString(), starts, problems);
  }
}
