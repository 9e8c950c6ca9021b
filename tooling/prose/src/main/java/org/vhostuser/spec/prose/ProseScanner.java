package org.vhostuser.spec.prose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;

/**
 * Reads the AsciiDoc prose line by line from its index file, following includes, and records the
 * registry macros it uses. It understands just enough AsciiDoc (comments, listing and literal
 * blocks, includes) to see what Asciidoctor would see, without starting it.
 */
public final class ProseScanner {
  static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[[^\\]]*\\]\\s*$");
  static final Pattern BLOCK_MACRO = Pattern.compile("^(vu-[a-z-]+)::([^\\[\\s]*)\\[[^\\]]*\\]\\s*$");
  static final Pattern INLINE_REFERENCE =
      Pattern.compile("(?<![\\w-])vu:([A-Za-z0-9_.]+)\\[[^\\]]*\\]");
  static final Pattern VERBATIM_FENCE = Pattern.compile("^(-{4,}|\\.{4,})\\s*$");
  static final Pattern COMMENT_FENCE = Pattern.compile("^/{4,}\\s*$");
  /** {@code vu-rule:ID[SOURCE]}: opens a rule. */
  static final Pattern RULE = Pattern.compile("(?<![\\w-])vu-rule:([^\\[\\s]*)\\[([^\\]]*)\\]");
  /** {@code vu-rule-ref:ID[text]}: a link to a rule. */
  static final Pattern RULE_REFERENCE =
      Pattern.compile("(?<![\\w-])vu-rule-ref:([^\\[\\s]*)\\[[^\\]]*\\]");
  /** One {@code key="value"} or {@code key=value} attribute of a macro's brackets. */
  static final Pattern ATTRIBUTE =
      Pattern.compile("\\s*([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,]*))\\s*(?:,|$)");
  /** An RFC 2119 / RFC 8174 keyword, in upper case. */
  static final Pattern KEYWORD = Pattern.compile("(?<![\\w-])(MUST NOT|MUST|SHALL NOT|SHALL"
      + "|SHOULD NOT|SHOULD|NOT RECOMMENDED|RECOMMENDED|MAY|REQUIRED|OPTIONAL)(?![\\w-])");
  /** Literal text where words are not read: code spans, passthroughs. */
  static final Pattern LITERAL = Pattern.compile("`[^`]*`|\\+[^+\\s][^+]*\\+|pass:[a-z,]*\\[[^\\]]*\\]");
  /** A line that starts a new paragraph-like unit: a list item, a heading, a table cell. */
  static final Pattern UNIT_START =
      Pattern.compile("^\\s*(?:[*.]+|-|\\d+\\.|[a-z]\\.)\\s+\\S.*|^=+\\s.*|^\\|.*");
  /** A line that is no text of its own and ends a unit: a delimiter, attributes, a block title. */
  static final Pattern UNIT_BREAK = Pattern.compile(
      "^\\s*$|^(?:={4,}|\\*{4,}|_{4,}|-{2}|\\+{4,}|\\|===+)\\s*$|^\\[.*\\]\\s*$|^\\.[^.\\s].*|^:[\\w-]+:.*");

  private final Diagnostics out;
  private final List<MacroUse> macros = new ArrayList<>();
  private final List<Include> includes = new ArrayList<>();
  private final List<ProseLine> lines = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();
  private final List<LooseKeyword> looseKeywords = new ArrayList<>();
  /** The rule whose text is being read, until its paragraph or list item ends. */
  private OpenRule open;
  private final Set<Path> visiting = new HashSet<>();

  private final ProseInput input;

  private ProseScanner(Path indexFile, Diagnostics out) {
    this.out = out;
    this.input = new ProseInput(ProseInput.folderOf(indexFile), out);
  }

  /** Scans the prose starting at {@code indexFile}; problems go to {@code out}. */
  public static ProseIndex scan(Path indexFile, Diagnostics out) {
    ProseScanner scanner = new ProseScanner(indexFile, out);
    scanner.scanFile(indexFile, SourcePosition.ofFile(indexFile));
    scanner.closeRule();
    return new ProseIndex(scanner.macros, scanner.includes, scanner.lines, scanner.rules,
        scanner.looseKeywords);
  }

  private void scanFile(Path file, SourcePosition includedAt) {
    Path key = file.toAbsolutePath().normalize();
    if (!visiting.add(key)) {
      out.error(includedAt, Code.PROSE_INCLUDE_MISSING, "include of " + file
          + " would include it again (an include cycle)");
      return;
    }
    Optional<List<String>> text = input.lines(file, includedAt);
    if (text.isPresent()) {
      scanLines(file, text.get());
    }
    visiting.remove(key);
  }

  private void scanLines(Path file, List<String> text) {
    boolean verbatim = false;
    boolean comment = false;
    String verbatimFence = null;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      int number = i + 1;
      if (!verbatim && COMMENT_FENCE.matcher(line).matches()) {
        comment = !comment;
        continue;
      }
      if (comment || (!verbatim && line.startsWith("//"))) {
        continue;
      }
      if (VERBATIM_FENCE.matcher(line).matches()
          && (verbatimFence == null || line.trim().equals(verbatimFence))) {
        verbatim = !verbatim;
        verbatimFence = verbatim ? line.trim() : null;
        closeRule();
        continue;
      }
      lines.add(new ProseLine(file, number, line, verbatim));
      if (verbatim) {
        continue; // macros are not expanded in listing and literal blocks
      }
      if (UNIT_BREAK.matcher(line).matches() || UNIT_START.matcher(line).matches()) {
        closeRule();
      }
      Matcher include = INCLUDE.matcher(line);
      if (include.matches()) {
        closeRule();
        SourcePosition at = new SourcePosition(file, number, 1);
        Path target = input.target(file, include.group(1).trim(), at);
        boolean readable = target != null && input.mayInclude(target, at, visiting.size());
        target = target == null ? file.resolveSibling("invalid-include-name") : target;
        includes.add(new Include(target, readable, at));
        if (readable) {
          scanFile(target, at);
        }
        continue;
      }
      if (line.startsWith("include::")) {
        out.error(new SourcePosition(file, number, 1), Code.PROSE_INCLUDE_MISSING,
            "include directive without a file name or its closing [...]");
        continue;
      }
      Matcher block = BLOCK_MACRO.matcher(line);
      if (block.matches()) {
        closeRule();
        SourcePosition at = new SourcePosition(file, number, 1);
        Optional<Macro> macro = Macro.block(block.group(1));
        if (macro.isPresent()) {
          macros.add(new MacroUse(macro.get(), block.group(2), at));
        } else {
          out.error(at, Code.PROSE_UNKNOWN_MACRO, "unknown block macro '" + block.group(1) + "::'");
        }
        continue;
      }
      Matcher inline = INLINE_REFERENCE.matcher(line);
      while (inline.find()) {
        macros.add(new MacroUse(Macro.REFERENCE, inline.group(1),
            new SourcePosition(file, number, inline.start() + 1)));
      }
      Matcher ruleReference = RULE_REFERENCE.matcher(line);
      while (ruleReference.find()) {
        macros.add(new MacroUse(Macro.RULE_REFERENCE, ruleReference.group(1),
            new SourcePosition(file, number, ruleReference.start() + 1)));
      }
      if (!UNIT_BREAK.matcher(line).matches()) {
        readWords(file, number, line);
      }
    }
    closeRule();
  }

  /**
   * Reads one line of running text: the rules it opens, the text it adds to the open rule, and
   * the keywords it has outside any rule.
   */
  private void readWords(Path file, int number, String line) {
    char[] words = line.toCharArray();
    blank(words, LITERAL.matcher(line));
    blank(words, RULE_REFERENCE.matcher(line));
    Matcher rule = RULE.matcher(line);
    int textFrom = 0;
    while (rule.find()) {
      blank(words, rule.start(), rule.end());
      looseKeywords(file, number, words, textFrom, rule.start());
      if (open != null) {
        open.text.append(line, textFrom, rule.start());
      }
      closeRule();
      open = new OpenRule(rule.group(1), attributes(rule.group(2)),
          new SourcePosition(file, number, rule.start() + 1));
      textFrom = rule.end();
    }
    looseKeywords(file, number, words, textFrom, words.length);
    if (open != null) {
      open.text.append(line, textFrom, line.length()).append('\n');
    }
  }

  private void looseKeywords(Path file, int number, char[] words, int from, int to) {
    if (open != null) {
      return;
    }
    Matcher keyword = KEYWORD.matcher(new String(words)).region(from, to);
    while (keyword.find()) {
      looseKeywords.add(new LooseKeyword(keyword.group(1),
          new SourcePosition(file, number, keyword.start() + 1)));
    }
  }

  private static void blank(char[] words, Matcher spans) {
    while (spans.find()) {
      blank(words, spans.start(), spans.end());
    }
  }

  private static void blank(char[] words, int from, int to) {
    java.util.Arrays.fill(words, from, to, ' ');
  }

  private void closeRule() {
    if (open != null) {
      rules.add(new Rule(open.id, open.attributes, open.text.toString().strip(), open.at));
      open = null;
    }
  }

  /** The attributes of a macro's brackets: {@code key="value"} pairs, in order. */
  static Map<String, String> attributes(String brackets) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher attribute = ATTRIBUTE.matcher(brackets);
    int at = 0;
    while (at < brackets.length() && attribute.find(at) && attribute.start() == at) {
      String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
      attributes.putIfAbsent(attribute.group(1), value.strip());
      at = attribute.end();
    }
    if (!brackets.substring(at).isBlank()) {
      attributes.put("", brackets.substring(at).strip()); // text that is no key=value pair
    }
    return attributes;
  }

  /** A rule still being read. */
  private static final class OpenRule {
    final String id;
    final Map<String, String> attributes;
    final SourcePosition at;
    final StringBuilder text = new StringBuilder();

    OpenRule(String id, Map<String, String> attributes, SourcePosition at) {
      this.id = id;
      this.attributes = attributes;
      this.at = at;
    }
  }
}
