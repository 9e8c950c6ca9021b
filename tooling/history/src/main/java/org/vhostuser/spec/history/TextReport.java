package org.vhostuser.spec.history;

import org.vhostuser.spec.registry.Diagnostic;

/** A review for the terminal: diagnostics in {@code file:line:col} form, one change per line. */
final class TextReport {
  private TextReport() {}

  static String write(Review review) {
    StringBuilder out = new StringBuilder();
    out.append("Changes from ").append(review.base()).append(" to ").append(review.head())
        .append(": ").append(count(review.changes().size(), "change")).append('\n');
    for (Change change : review.changes()) {
      out.append(String.format("  %-10s %s: %s%n", change.kind().word(), change.subject(),
          change.description()));
    }
    for (Verdict.Finding finding : review.verdict().findings()) {
      Break found = finding.found();
      out.append(found.at().file()).append(':').append(found.at().line()).append(':')
          .append(found.at().column()).append(": ")
          .append(finding.approval() != null ? "approved" : found.rule().severity()).append(": ")
          .append(found.subject()).append(": ").append(found.message()).append(" [")
          .append(found.rule().id()).append(']').append('\n');
    }
    for (Diagnostic diagnostic : review.validation()) {
      out.append(diagnostic.format()).append('\n');
    }
    for (GeneratedDiff.FileDiff diff : review.generated()) {
      if (diff.added() + diff.removed() > 0) {
        out.append("generated ").append(diff.file()).append(": +").append(diff.added())
            .append(" -").append(diff.removed()).append(" lines\n");
      }
    }
    out.append(verdictLine(review)).append('\n');
    return out.toString();
  }

  /** The one-line verdict, shared by every format. */
  static String verdictLine(Review review) {
    int blocking = review.verdict().blocking().size();
    long errors = review.validation().stream()
        .filter(d -> d.severity() == org.vhostuser.spec.registry.Severity.ERROR).count();
    long approved = review.verdict().findings().stream().filter(f -> f.approval() != null).count();
    if (blocking == 0 && errors == 0) {
      return approved == 0 ? "verdict: no breaking change"
          : "verdict: no unapproved breaking change (" + count(approved, "approved break") + ")";
    }
    StringBuilder line = new StringBuilder("verdict: refused: ");
    if (blocking > 0) {
      line.append(count(blocking, "unapproved breaking change"));
    }
    if (errors > 0) {
      line.append(blocking > 0 ? " and " : "").append(count(errors, "validation error"));
    }
    return line.toString();
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
