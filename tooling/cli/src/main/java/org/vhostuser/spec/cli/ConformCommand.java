package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vhostuser.spec.conform.Conformance;
import org.vhostuser.spec.conform.Finding;
import org.vhostuser.spec.conform.ReportFormat;
import org.vhostuser.spec.registry.validate.RegistryValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vhost-spec conform}: an implementation's constants against the registry. */
@Command(name = "conform", mixinStandardHelpOptions = true,
    description = "Read the protocol constants of an implementation (C enums and #defines, Rust"
        + " enums, consts and bitflags) and report where they differ from the registry:"
        + " other numbers, missing and extra entries, other spellings.")
final class ConformCommand implements Callable<Integer> {
  /** The languages conform reads. */
  enum Lang { c, rust }

  /** The output formats of conform. */
  enum Format { text, markdown, json }

  @Mixin RegistryOption registryOption;

  @Option(names = "--lang", required = true, paramLabel = "LANG",
      description = "Language of the files: ${COMPLETION-CANDIDATES}.")
  Lang lang;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--map", paramLabel = "FILE", description = "Explicit name mappings, one"
      + " 'IMPLEMENTATION_NAME = REGISTRY_NAME' per line, for spellings the matcher misses.")
  Path map;

  @Option(names = "--strict", description = "Also fail (exit 1) on missing and extra entries,"
      + " limits set otherwise, and warnings (a file with no vhost-user constant, not UTF-8).")
  boolean strict;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Source files to read.")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    for (Path file : files) {
      if (!Files.exists(file)) {
        throw new UserException("no source file at " + file);
      }
      if (!Files.isRegularFile(file)) {
        throw new UserException(file + " is not a regular file; conform reads source files");
      }
      if (!Files.isReadable(file)) {
        throw new UserException("cannot read " + file);
      }
    }
    Map<String, String> mapping = Map.of();
    if (map != null) {
      if (!Files.isRegularFile(map)) {
        throw new UserException("no mapping file at " + map);
      }
      try {
        mapping = Conformance.readMapping(map);
      } catch (Conformance.MappingException e) {
        spec.commandLine().getErr().println(map + ":" + e.line() + ":1: error: " + e.getMessage()
            + " [bad-mapping]");
        return ExitCodes.USAGE;
      }
    }
    Optional<RegistryValidator.Checked> valid =
        ValidRegistry.load(registryOption.folder(), spec.commandLine().getErr(), "cannot compare");
    if (valid.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    RegistryValidator.Checked checked = valid.get();
    if (map != null) {
      try {
        Conformance.checkMapping(checked.registry(), map, mapping);
      } catch (Conformance.MappingException e) {
        spec.commandLine().getErr().println(map + ":" + e.line() + ":1: error: " + e.getMessage()
            + " [bad-mapping]");
        return ExitCodes.USAGE;
      }
    }
    Conformance.Outcome outcome = Conformance.check(checked.registry(),
        lang == Lang.c ? Conformance.SourceLanguage.C : Conformance.SourceLanguage.RUST, files,
        mapping);
    outcome.problems().forEach(d -> spec.commandLine().getErr().println(d.format()));
    Conformance.Report report = outcome.report();
    spec.commandLine().getOut().print(ReportFormat.valueOf(format.name().toUpperCase(
        java.util.Locale.ROOT)).write(report));
    boolean failed = report.hasNumberDifferences() || outcome.hasErrors()
        || (strict && (!outcome.problems().isEmpty() || report.findings().stream()
            .anyMatch(f -> f.kind() == Finding.Kind.MISSING || f.kind() == Finding.Kind.EXTRA
                || f.kind() == Finding.Kind.LIMIT_DIFFERS)));
    return failed ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
