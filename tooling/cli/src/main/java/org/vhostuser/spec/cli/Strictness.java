package org.vhostuser.spec.cli;

import java.util.List;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Severity;

/** Applies {@code --strict} to diagnostics and turns them into an exit code. */
final class Strictness {
  private Strictness() {}

  /** Under {@code --strict}, every warning becomes an error. */
  static List<Diagnostic> apply(List<Diagnostic> diagnostics, boolean strict) {
    if (!strict) {
      return diagnostics;
    }
    return diagnostics.stream().map(d -> d.withSeverity(Severity.ERROR)).toList();
  }

  /** 1 when any error remains, otherwise 0. */
  static int exitCode(List<Diagnostic> diagnostics) {
    return DiagnosticPrinter.count(diagnostics, Severity.ERROR) > 0
        ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
