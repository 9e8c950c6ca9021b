package org.vhostuser.spec.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.prose.SpecCheck;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.site.PreviewSession;
import org.vhostuser.spec.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec serve}: a local preview that re-renders and reloads on every change. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Preview the website on 127.0.0.1: render it, serve it, and re-render with a"
        + " warm renderer and reload the browser page whenever spec/ or site/ changes.")
final class ServeCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "build/site",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path registry = registryOption.folder().toAbsolutePath().normalize();
    SiteBuilder.Layout layout = SiteBuilder.Layout.of(registry.getParent().getParent(), out);
    try (SpecRenderer renderer = new SpecRenderer()) {
      new PreviewSession(layout, renderer, () -> {
        SpecCheck.Result checked =
            SpecCheck.run(registryOption.folder(), registryOption.proseIndex());
        if (checked.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
          new DiagnosticPrinter().printText(checked.diagnostics(), spec.commandLine().getErr());
          return null;
        }
        return checked.registry().registry();
      }, spec.commandLine().getOut()).run(port, 300);
    }
    return ExitCodes.OK;
  }
}
