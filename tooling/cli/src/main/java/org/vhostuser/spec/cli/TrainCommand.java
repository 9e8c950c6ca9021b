package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the short commands once (validate, generate, generate --check, conform, trace check,
 * diff, changelog), or with
 * {@code --site} a site render, with their output discarded. The launcher uses them as the
 * training runs of its two JVM startup caches: a small one for the short commands and a large one
 * (with JRuby) for the commands that render.
 */
@Command(name = "train", hidden = true,
    description = "Run the common commands once, quietly (used to build the startup cache).")
final class TrainCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--site", description = "Train the site renderer's cache instead.")
  boolean site;

  @Override
  public Integer call() throws IOException {
    String registry = registryOption.folder().toString();
    Path scratch = Files.createTempDirectory("vhost-spec-train");
    try {
      // Outputs go below the scratch folder, so their locks (beside them) go with it.
      Path generated = scratch.resolve("generated");
      String out = generated.toString();
      run("validate", "--registry", registry);
      run("generate", "--registry", registry, "--out", out);
      run("generate", "--check", "--registry", registry, "--out", out);
      run("conform", "--lang", "c", "--registry", registry,
          generated.resolve("vhost_user_protocol.h").toString());
      if (site) {
        run("site", "--force", "--registry", registry, "--out", scratch.resolve("site").toString());
        return ExitCodes.OK;
      }
      run("conform", "--lang", "rust", "--format", "json", "--registry", registry,
          generated.resolve("vhost_user_protocol.rs").toString());
      Path trace = Files.writeString(scratch.resolve("trace.jsonl"), "{\"time_ms\":0,"
          + "\"channel\":\"main\",\"direction\":\"front-to-back\",\"request\":1,"
          + "\"flags\":1,\"size\":0,\"fds\":0,\"payload\":\"\"}\n");
      run("trace", "check", "--registry", registry, trace.toString());
      // The review commands read git; outside a checkout they fail quietly and train nothing.
      run("diff", "HEAD", "--registry", registry, "--format", "markdown");
      run("changelog", "--registry", registry);
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return ExitCodes.OK;
  }

  /** Runs one command line the way {@link Main} does, with its output discarded. */
  private static void run(String... args) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Main.run(quiet, quiet, args);
  }
}
