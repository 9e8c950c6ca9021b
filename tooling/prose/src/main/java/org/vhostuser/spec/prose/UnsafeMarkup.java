package org.vhostuser.spec.prose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.SourcePosition;

/**
 * Finds the markup that would put the prose's own HTML or scripts on the published page: raw
 * passthrough ({@code +++...+++} and {@code pass:[...]} holding a tag, {@code ++++} blocks, the
 * {@code pass} and math block styles, {@code subs} that drop the escaping of special characters)
 * and links or images whose target is a {@code javascript:}, {@code vbscript:} or {@code data:}
 * URL. An inline passthrough without a {@code <} cannot make a tag, so it is left alone (the
 * prose uses {@code pass:[MAY]} to write a keyword that is not normative).
 * Everything the site shows must come from the registry's HTML or Asciidoctor's escaping.
 */
final class UnsafeMarkup {
  /**
   * One finding: where, which rule, the exact text (what the allow-list names), why it is
   * unsafe and what to write instead.
   */
  record Finding(SourcePosition at, Code code, String text, String why, String instead) {}

  private static final String RAW_INSTEAD = "write it in AsciiDoc";
  private static final String LINK_INSTEAD = "link to an https: address or a page of the site";

  private static final Pattern BLOCK_DELIMITER = Pattern.compile("^\\+{4,}\\s*$");
  private static final Pattern TRIPLE_PLUS = Pattern.compile("\\+\\+\\+.*?(?:\\+\\+\\+|$)");
  private static final Pattern PASS_MACRO =
      Pattern.compile("(?<![\\w-])pass:([a-z,]*)\\[[^\\]]*\\]?");
  private static final Pattern RAW_STYLE = Pattern.compile(
      "^\\[(pass|stem|latexmath|asciimath)(?:[,#.%\\]]).*$");
  private static final Pattern SUBS = Pattern.compile(
      "^\\[.*\\bsubs\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^,\\]]*).*\\]\\s*$");
  private static final Pattern LINK_MACRO = Pattern.compile(
      "(?i)(?<![\\w-])(?:link|image|video|audio):{1,2}([^\\[]*)\\[[^\\]]*\\]?");
  private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile("^:!?[\\w-]+!?:\\s+(.*)$");
  /** Substitutions that keep special characters escaped. */
  private static final Set<String> ESCAPING = Set.of("specialchars", "specialcharacters",
      "normal", "verbatim");
  private static final List<String> SCHEMES = List.of("javascript:", "vbscript:", "data:");

  private UnsafeMarkup() {}

  /**
   * Every finding in the prose lines of {@code index}, in document order. A passthrough block
   * is one finding, at its opening line; its lines are not looked into.
   */
  static List<Finding> find(ProseIndex index) {
    List<Finding> found = new ArrayList<>();
    Path passthroughIn = null;
    for (ProseLine line : index.lines()) {
      if (line.verbatim()) {
        continue;
      }
      if (BLOCK_DELIMITER.matcher(line.text()).matches()) {
        if (line.file().equals(passthroughIn)) {
          passthroughIn = null; // the closing delimiter
        } else {
          raw(line, 0, line.text().strip(), "a passthrough block puts its lines on the page as"
              + " raw HTML", found);
          passthroughIn = line.file();
        }
      } else if (passthroughIn == null || !passthroughIn.equals(line.file())) {
        find(line, found);
      }
    }
    return found;
  }

  private static void find(ProseLine line, List<Finding> found) {
    String text = line.text();
    Matcher style = RAW_STYLE.matcher(text);
    if (style.matches()) {
      raw(line, 0, text.strip(), "the '" + style.group(1) + "' style passes the block's"
          + " text through without escaping it", found);
    }
    Matcher subs = SUBS.matcher(text);
    if (subs.matches() && !escapes(subs.group(1))) {
      raw(line, 0, text.strip(), "these substitutions drop the escaping of special"
          + " characters, so the block's text reaches the page as raw HTML", found);
    }
    Matcher plus = TRIPLE_PLUS.matcher(text);
    while (plus.find()) {
      if (plus.group().contains("<")) {
        raw(line, plus.start(), plus.group(), "a triple-plus passthrough puts its text on the"
            + " page as raw HTML", found);
      }
    }
    Matcher pass = PASS_MACRO.matcher(text);
    while (pass.find()) {
      if (pass.group().contains("<") && !List.of(pass.group(1).split(",")).contains("c")) {
        raw(line, pass.start(), pass.group(), "a pass macro without the 'c' substitution puts"
            + " its text on the page as raw HTML", found);
      }
    }
    Matcher link = LINK_MACRO.matcher(text);
    while (link.find()) {
      script(line, link.start(), link.group(), link.group(1), found);
    }
    Matcher attribute = ATTRIBUTE_ENTRY.matcher(text);
    if (attribute.matches()) {
      script(line, attribute.start(1), attribute.group(1), attribute.group(1), found);
    }
  }

  private static void raw(ProseLine line, int offset, String text, String why,
      List<Finding> found) {
    found.add(new Finding(new SourcePosition(line.file(), line.line(), offset + 1),
        Code.PROSE_RAW_HTML, text, why, RAW_INSTEAD));
  }

  private static void script(ProseLine line, int offset, String text, String target,
      List<Finding> found) {
    String url = normalized(target);
    for (String scheme : SCHEMES) {
      if (url.startsWith(scheme)) {
        found.add(new Finding(new SourcePosition(line.file(), line.line(), offset + 1),
            Code.PROSE_SCRIPT_LINK, text, "a " + scheme + " target runs or embeds content"
                + " the page does not control", LINK_INSTEAD));
        return;
      }
    }
  }

  /**
   * The target as a browser would read it: passthrough marks and angle brackets removed, and
   * the whitespace and control characters that URL parsers skip dropped.
   */
  private static String normalized(String target) {
    String url = target.replace("pass:[", "").replace("++", "").replace("+", "")
        .replace("<", "");
    StringBuilder kept = new StringBuilder();
    url.codePoints().filter(c -> c > ' ' && c != 0x7f).forEach(kept::appendCodePoint);
    return kept.toString().toLowerCase(Locale.ROOT);
  }

  /** True when a {@code subs} value keeps special characters escaped. */
  private static boolean escapes(String value) {
    String list = value.replace("\"", "").replace("'", "").strip();
    boolean incremental = true;
    for (String item : list.split(",")) {
      String sub = item.strip();
      if (sub.equals("-specialchars") || sub.equals("-specialcharacters")) {
        return false;
      }
      if (!(sub.startsWith("+") || sub.startsWith("-") || sub.endsWith("+"))) {
        incremental = false;
      }
    }
    if (incremental) {
      return true; // the default substitutions, which escape, stay
    }
    for (String item : list.split(",")) {
      if (ESCAPING.contains(item.strip())) {
        return true;
      }
    }
    return false;
  }

  /** The prose file {@code file} as the allow-list names it: relative to the prose folder. */
  static String relative(Path folder, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(folder) ? folder.relativize(absolute).toString().replace('\\', '/')
        : absolute.toString();
  }
}
