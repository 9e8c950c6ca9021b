package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.site.PreviewSession;
import org.vhostuser.spec.site.SiteBuilder;
import org.vhostuser.spec.site.SiteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--port': "
          + port + " is not a port number (0 to 65535; 0 picks a free one)");
    }
    SiteBuilder.Layout layout = SiteBuilder.Layout.of(registryOption.repositoryRoot(), out);
    try (Outputs claimed = SiteCommand.claim(out, "--out", registryOption);
        SiteServer server = bind(layout.out());
        SpecRenderer renderer = new SpecRenderer()) {
      new PreviewSession(layout, renderer, this::loadRegistry, spec.commandLine().getOut())
          .run(server, 100);
    }
    return ExitCodes.OK;
  }

  /**
   * The registry validated with the prose, or its problems: printed on standard error and
   * handed to the preview, which shows them over the open pages.
   */
  private PreviewSession.Input loadRegistry() {
    StringWriter report = new StringWriter();
    PrintWriter printer = new PrintWriter(report);
    Optional<Registry> registry =
        ValidRegistry.loadWithProse(registryOption, printer, "not rendered");
    printer.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.print(report);
    err.flush();
    return new PreviewSession.Input(registry.orElse(null),
        registry.isPresent() ? List.of() : List.of(report.toString().stripTrailing()));
  }

  /** The server on {@link #port}, bound before anything renders; a busy port is one line. */
  private SiteServer bind(Path folder) {
    try {
      return SiteServer.start(folder, port, true);
    } catch (IOException e) {
      throw new UserException("cannot listen on 127.0.0.1 port " + port + ": "
          + UserException.reasonOf(e) + " (another program may use it; pick another with"
          + " --port N, or --port 0 for any free one)");
    }
  }
}
