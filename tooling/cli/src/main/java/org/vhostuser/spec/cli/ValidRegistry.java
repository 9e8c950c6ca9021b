package org.vhostuser.spec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** Loads the registry for a command that needs a valid one, reporting why it refuses if not. */
final class ValidRegistry {
  private ValidRegistry() {}

  /**
   * The checked registry, or empty after printing its errors and "vhost-spec: {@code refusal}:
   * the registry has errors".
   */
  static Optional<RegistryValidator.Checked> load(Path folder, PrintWriter err, String refusal) {
    RegistryValidator.Checked checked = RegistryValidator.loadAndValidate(folder);
    if (checked.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
      return Optional.of(checked);
    }
    new DiagnosticPrinter().printText(checked.diagnostics(), err);
    err.println("vhost-spec: " + refusal + ": the registry has errors");
    return Optional.empty();
  }
}
