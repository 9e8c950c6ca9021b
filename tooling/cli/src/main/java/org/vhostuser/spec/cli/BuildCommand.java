package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.generate.Language;
import org.vhostuser.spec.prose.SpecCheck;
import org.vhostuser.spec.registry.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vhost-spec build}: the main job, run by the README's first command and by CI. It
 * validates the registry and the prose, generates the JSON, C and Rust outputs into
 * {@code build/generated} and renders the website into {@code build/site}.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Run the main job: validate the registry and the prose, generate the JSON, C"
        + " and Rust outputs into build/generated, and render the website into build/site.")
final class BuildCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "build",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Outputs.checkParent(out, "--out", registryOption.repositoryRoot());
    Path generated = out.resolve("generated");
    try (Outputs generatedOutput = GenerateCommand.claim(generated, registryOption);
        Outputs siteOutput = SiteCommand.claim(out.resolve("site"), "--out", registryOption)) {
      return build(generated);
    }
  }

  private int build(Path generated) throws IOException {
    SpecCheck.Result checked =
        SpecCheck.run(registryOption.folder(), registryOption.proseIndex());
    List<Diagnostic> diagnostics = Strictness.apply(checked.diagnostics(), strict);
    new DiagnosticPrinter().printText(diagnostics, spec.commandLine().getErr());
    Summary.print(checked, diagnostics, spec.commandLine());
    int code = Strictness.exitCode(diagnostics);
    if (code != ExitCodes.OK) {
      return code;
    }
    Generation.write(Generation.generate(checked.registry().registry(),
        GenerateCommand.provenance(registryOption.folder(),
            spec.commandLine().getErr()), EnumSet.allOf(Language.class), ""), generated);
    spec.commandLine().getOut().println(generated + ": generated JSON, C and Rust");
    return SiteCommand.render(registryOption, out.resolve("site"), false, false,
        () -> Optional.of(checked.registry().registry()), spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
