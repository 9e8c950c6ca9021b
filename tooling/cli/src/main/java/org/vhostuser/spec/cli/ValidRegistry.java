package org.vhostuser.spec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.vhostuser.spec.prose.SpecCheck;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * Loads the registry (and, for commands that render, the prose) for a command that needs them
 * valid, reporting why it refuses if not.
 */
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

  /** As {@link #load}, checking the prose against the registry as well. */
  static Optional<Registry> loadWithProse(RegistryOption option, PrintWriter err, String refusal) {
    SpecCheck.Result checked = SpecCheck.run(option.folder(), option.proseIndex());
    if (checked.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
      return Optional.of(checked.registry().registry());
    }
    new DiagnosticPrinter().printText(checked.diagnostics(), err);
    err.println("vhost-spec: " + refusal + ": the specification has errors");
    return Optional.empty();
  }
}
