package org.vhostuser.spec.history;

import java.util.ArrayList;
import java.util.List;
import org.vhostuser.spec.registry.AcceptedBreak;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Spelling;

/**
 * The breaking-change verdict of a change: every rule finding with the approval that covers it,
 * if any. Only approvals the change itself adds to {@code accepted-breaks.yaml} count, so an old
 * approval never waves through a new break; an added approval that matches nothing is reported.
 */
public record Verdict(List<Finding> findings, List<Diagnostic> problems) {
  public Verdict {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  /** One rule finding and the approval that covers it, or null. */
  public record Finding(Break found, AcceptedBreak approval) {
    /** True for a break of the wire protocol that nobody approved. */
    public boolean blocks() {
      return approval == null && found.rule().breaksPeers();
    }
  }

  /** Matches {@code breaks} against the approvals that {@code head} has and {@code base} lacks. */
  public static Verdict of(List<Break> breaks, List<AcceptedBreak> base, List<AcceptedBreak> head) {
    Diagnostics problems = new Diagnostics();
    List<AcceptedBreak> added = new ArrayList<>();
    for (AcceptedBreak approval : head) {
      if (BreakRule.byId(approval.rule()).isEmpty()) {
        List<String> ids = new ArrayList<>();
        for (BreakRule rule : BreakRule.values()) {
          ids.add(rule.id());
        }
        problems.error(approval.at(), Code.BAD_VALUE, "no breaking-change rule '"
            + approval.rule() + "'" + Spelling.suggestion(approval.rule(), ids));
      } else if (base.stream().noneMatch(b -> same(b, approval))) {
        added.add(approval);
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<AcceptedBreak> used = new ArrayList<>();
    for (Break found : breaks) {
      AcceptedBreak approval = added.stream()
          .filter(a -> a.rule().equals(found.rule().id()) && a.entry().equals(found.subject().name()))
          .findFirst().orElse(null);
      if (approval != null) {
        used.add(approval);
      }
      findings.add(new Finding(found, approval));
    }
    for (AcceptedBreak approval : added) {
      if (!used.contains(approval)) {
        problems.warning(approval.at(), Code.BAD_VALUE, "this approval of " + approval.rule()
            + " for " + approval.entry() + " matches no breaking change of this diff");
      }
    }
    return new Verdict(findings, problems.sorted());
  }

  private static boolean same(AcceptedBreak a, AcceptedBreak b) {
    return a.rule().equals(b.rule()) && a.entry().equals(b.entry());
  }

  /** The breaks of the wire protocol nobody approved: any of them fails the review. */
  public List<Finding> blocking() {
    return findings.stream().filter(Finding::blocks).toList();
  }
}
