package org.vhostuser.spec.prose;

import java.util.List;

/**
 * What the light scan found in the prose: every registry macro use, every include, the text
 * lines (for the bare-number check), every rule and every keyword written outside a rule.
 * AsciidoctorJ is not involved.
 */
public record ProseIndex(
    List<MacroUse> macros, List<Include> includes, List<ProseLine> lines, List<Rule> rules,
    List<LooseKeyword> looseKeywords) {
  public ProseIndex {
    macros = List.copyOf(macros);
    includes = List.copyOf(includes);
    lines = List.copyOf(lines);
    rules = List.copyOf(rules);
    looseKeywords = List.copyOf(looseKeywords);
  }

  /** The uses of one macro, in document order. */
  public List<MacroUse> uses(Macro macro) {
    return macros.stream().filter(m -> m.macro() == macro).toList();
  }
}
