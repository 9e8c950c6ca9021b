package org.vhostuser.spec.prose;

import java.util.List;

/**
 * What the light scan found in the prose: every registry macro use, every include, and the text
 * lines that mention registry names (for the bare-number check). AsciidoctorJ is not involved.
 */
public record ProseIndex(
    List<MacroUse> macros, List<Include> includes, List<ProseLine> lines) {
  public ProseIndex {
    macros = List.copyOf(macros);
    includes = List.copyOf(includes);
    lines = List.copyOf(lines);
  }

  /** The uses of one macro, in document order. */
  public List<MacroUse> uses(Macro macro) {
    return macros.stream().filter(m -> m.macro() == macro).toList();
  }
}
