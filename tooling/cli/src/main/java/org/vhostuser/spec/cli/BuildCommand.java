package org.vhostuser.spec.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.prose.SpecCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vhost-spec build}: the main job, run by the README's first command and by CI. It
 * validates the registry; generating code and rendering the site join it as they land.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Run the main job: validate the registry (then generate code and render"
        + " the site, as those steps land).")
final class BuildCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SpecCheck.Result checked =
        SpecCheck.run(registryOption.folder(), registryOption.proseIndex());
    List<Diagnostic> diagnostics = Strictness.apply(checked.diagnostics(), strict);
    new DiagnosticPrinter().printText(diagnostics, spec.commandLine().getErr());
    Summary.print(checked, diagnostics, spec.commandLine());
    return Strictness.exitCode(diagnostics);
  }
}
