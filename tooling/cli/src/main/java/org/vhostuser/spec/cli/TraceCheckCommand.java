package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.wire.Reports;
import org.vhostuser.spec.wire.TraceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vhost-spec trace check}: transcripts against the registry's wire rules. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check vhost-user transcripts (JSON lines) against the registry: ids, header"
        + " flags, payload sizes, padding, enum values, descriptors, replies, feature"
        + " negotiation and ordering. Each file is one connection.")
final class TraceCheckCommand implements Callable<Integer> {
  /** The report formats. */
  enum Format { text, json, junit }

  @Mixin WireOptions wire;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--strict", description = "Also fail (exit 1) on warnings.")
  boolean strict;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Transcript files.")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new UserException("no transcript file at " + file);
      }
      if (!Files.isReadable(file)) {
        throw new UserException("cannot read " + file);
      }
    }
    var implementations = wire.implementations();
    Optional<Registry> registry = wire.registry(spec.commandLine().getErr());
    if (registry.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    List<TraceCheck.FileResult> results = TraceCheck.run(registry.get(), files, implementations);
    String url = wire.specUrl();
    spec.commandLine().getOut().print(switch (format) {
      case text -> Reports.text(results, url);
      case json -> Reports.json(results, url);
      case junit -> Reports.junit(results, registry.get(), url);
    });
    return TraceCheck.failed(results, strict) ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
