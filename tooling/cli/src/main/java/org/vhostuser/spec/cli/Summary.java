package org.vhostuser.spec.cli;

import java.util.List;
import org.vhostuser.spec.prose.SpecCheck;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Severity;
import picocli.CommandLine;

/** The closing line of a validation: what was checked and how many problems were found. */
final class Summary {
  private Summary() {}

  static void print(SpecCheck.Result result, List<Diagnostic> diagnostics, CommandLine command) {
    Registry registry = result.registry().registry();
    long errors = DiagnosticPrinter.count(diagnostics, Severity.ERROR);
    long warnings = DiagnosticPrinter.count(diagnostics, Severity.WARNING);
    String checked = registry.frontEnd().messages().size() + " front-end messages, "
        + registry.backEnd().messages().size() + " back-end messages, "
        + registry.protocolFeatures().features().size() + " protocol features, "
        + registry.virtioFeatures().features().size() + " virtio features, "
        + registry.payloads().size() + " payloads, " + registry.enums().size() + " enums"
        + result.prose().map(p -> "; prose: " + (1 + p.includes().stream().filter(i -> i.exists())
            .count()) + " files, " + p.macros().size() + " registry macros")
            .orElse("; prose not checked");
    if (errors == 0 && warnings == 0) {
      command.getOut().println(registry.root() + ": ok (" + checked + ")");
    } else {
      command.getErr().println(registry.root() + ": " + plural(errors, "error") + ", "
          + plural(warnings, "warning") + " (" + checked + ")");
    }
  }

  private static String plural(long count, String word) {
    return count + " " + word + (count == 1 ? "" : "s");
  }
}
