package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec site}: renders the website, or says it is already up to date. */
@Command(name = "site", mixinStandardHelpOptions = true,
    description = "Render the specification website: the spec with a permalink for every"
        + " section, message, feature, payload and field; index pages; search; downloads; and"
        + " the project documents. Nothing is rendered when no input changed.")
final class SiteCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "build/site",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--force", description = "Render even when no input changed.")
  boolean force;

  @Option(names = "--releases", description = "Also render every release tag into"
      + " releases/TAG/ (read from git, no checkout), with a version switcher on every page.")
  boolean releases;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (Outputs claimed = claim(out, "--out", registryOption)) {
      return render(registryOption, out, force, releases,
          () -> ValidRegistry.loadWithProse(registryOption, err, "site not rendered"),
          spec.commandLine().getOut(), err);
    }
  }

  /** Claims {@code out} for a site (see {@link Outputs}); shared with build and serve. */
  static Outputs claim(Path out, String option, RegistryOption registryOption) {
    return Outputs.claim(out, option, SiteBuilder::holdsSite, registryOption.repositoryRoot());
  }

  /**
   * Renders into {@code out} from the registry {@code validated} gives once the site turns out
   * to need rendering (empty when it is not valid; the supplier reported why); shared with
   * {@code build}, which has validated already. The caller has claimed {@code out}.
   */
  static int render(RegistryOption registryOption, Path out, boolean force, boolean releases,
      Supplier<Optional<Registry>> validated, PrintWriter stdout, PrintWriter stderr)
      throws IOException {
    // Rendered chapters are kept beside the output, for example in build/.site-chapters.
    Path chapters = out.toAbsolutePath().normalize()
        .resolveSibling("." + out.getFileName() + "-chapters");
    SiteBuilder builder = new SiteBuilder(SiteBuilder.Layout.of(registryOption.repositoryRoot(), out),
        new VersionProvider().getVersion()[0]).keepChapters(chapters, !force);
    if (!force && builder.isUpToDate(releases)) {
      stdout.println(out + ": up to date");
      return ExitCodes.OK;
    }
    try (BackgroundRenderer renderer = BackgroundRenderer.take()) {
      if (builder.needsRenderer(releases)) {
        renderer.start(); // JRuby starts while the registry loads and the other pages are written
      }
      Optional<Registry> registry = validated.get();
      if (registry.isEmpty()) {
        return ExitCodes.PROBLEMS;
      }
      SiteBuilder.Result result = builder.build(renderer, registry.get(), releases);
      if (!result.problems().isEmpty()) {
        new DiagnosticPrinter().printText(RenderProblems.of(result.problems(),
            registryOption.proseIndex().orElse(registryOption.folder())), stderr);
        stderr.println("vhost-spec: site not written: " + result.problems().size()
            + " problem(s); the previous site is unchanged");
        return ExitCodes.PROBLEMS;
      }
      stdout.println(out + ": " + result.pages().size() + " pages ("
          + String.join(", ", result.pages()) + ")");
      return ExitCodes.OK;
    }
  }
}
