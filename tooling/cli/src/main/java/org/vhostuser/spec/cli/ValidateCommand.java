package org.vhostuser.spec.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.prose.SpecCheck;

/** {@code vhost-spec validate}: checks the registry and reports every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the registry tables, and the prose against them, and report every"
        + " problem, sorted by place.")
final class ValidateCommand implements Callable<Integer> {
  /** The output formats of validate. */
  enum Format { text, json }

  @Mixin RegistryOption registryOption;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SpecCheck.Result checked =
        SpecCheck.run(registryOption.folder(), registryOption.proseIndex());
    List<Diagnostic> diagnostics = Strictness.apply(checked.diagnostics(), strict);
    if (format == Format.json) {
      spec.commandLine().getOut().print(DiagnosticPrinter.json(diagnostics));
    } else {
      new DiagnosticPrinter().printText(diagnostics, spec.commandLine().getErr());
      Summary.print(checked, diagnostics, spec.commandLine());
    }
    return Strictness.exitCode(diagnostics);
  }
}
