package org.vhostuser.spec.rst;

import java.util.ArrayList;
import java.util.List;
import org.vhostuser.spec.conform.Conformance;
import org.vhostuser.spec.conform.Finding;

/** Turns the differences of one document into a conform report, for conform's formats. */
public final class RstReport {
  /** What a compare-rst report counts: the messages and features of the document. */
  public static final String NOUN = "entries";

  private RstReport() {}

  /**
   * The report of {@code reported}, counting entries read and matched over {@code all}
   * differences (explained ones included).
   */
  public static Conformance.Report of(RstDocument document, List<Difference> all,
      List<Difference> reported) {
    long extra = all.stream().filter(d -> d.aspect() == Aspect.EXTRA).count();
    List<Finding> findings = new ArrayList<>();
    for (Difference d : reported) {
      findings.add(d.finding());
    }
    return new Conformance.Report(1, NOUN, document.entries(),
        (int) (document.entries() - extra), findings);
  }
}
