package org.vhostuser.spec.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vhostuser.spec.asciidoc.SpecRenderer;
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
    SiteBuilder.Layout layout = SiteBuilder.Layout.of(registryOption.repositoryRoot(), out);
    try (SpecRenderer renderer = new SpecRenderer()) {
      new PreviewSession(layout, renderer, () -> ValidRegistry.loadWithProse(registryOption,
          spec.commandLine().getErr(), "not rendered").orElse(null),
          spec.commandLine().getOut()).run(port, 100);
    }
    return ExitCodes.OK;
  }
}
