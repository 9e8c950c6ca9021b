package org.vhostuser.spec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vhostuser.spec.conform.ReportFormat;
import org.vhostuser.spec.prose.ProseIndex;
import org.vhostuser.spec.prose.ProseScanner;
import org.vhostuser.spec.prose.Rule;
import org.vhostuser.spec.prose.RuleSource;
import org.vhostuser.spec.prose.SpecCheck;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Spelling;
import org.vhostuser.spec.rst.ComparedRegistry;
import org.vhostuser.spec.rst.Difference;
import org.vhostuser.spec.rst.KnownDifferences;
import org.vhostuser.spec.rst.RstComparison;
import org.vhostuser.spec.rst.RstDocument;
import org.vhostuser.spec.rst.RstReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vhost-spec compare-rst}: every difference between a vhost-user.rst and the registry. */
@Command(name = "compare-rst", mixinStandardHelpOptions = true,
    description = "Report every difference between a vhost-user.rst in QEMU's format and the"
        + " registry: messages and features missing on either side, other ids and bits, other"
        + " names, ioctls and payloads. Exit 1 when a difference is not listed in --expected.")
final class CompareRstCommand implements Callable<Integer> {
  /** The output formats of compare-rst (those of conform). */
  enum Format { text, markdown, json }

  @Option(names = "--registry", paramLabel = "DIR", defaultValue = "spec/registry",
      description = "The registry folder (default: ${DEFAULT-VALUE}); a folder written by"
          + " import-rst works too.")
  Path registry;

  @Option(names = "--expected", paramLabel = "FILE", description = "Known differences, each"
      + " explained by the specification (for QEMU's copy:"
      + " spec/registry/qemu-rst-differences.yaml); they are reported as explained, and one"
      + " that no longer occurs is an error.")
  Path expected;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--check-rules", description = "Also check that every rule of the prose beside"
      + " the registry that cites QEMU's text (vu-rule:ID[qemu=\"Section\"]) names a section"
      + " this document has.")
  boolean checkRules;

  @Parameters(index = "0", paramLabel = "FILE", description = "The vhost-user.rst to compare.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isDirectory(registry)) {
      throw new UserException(Files.exists(registry)
          ? registry + " is a file; --registry needs the registry folder"
          : "no registry folder at " + registry
              + " (run from the repository root, or pass --registry DIR)");
    }
    if (expected != null && !Files.isRegularFile(expected)) {
      throw new UserException("no known-differences file at " + expected);
    }
    Optional<RstDocument> document = RstInput.read(file, spec.commandLine().getErr(),
        "cannot compare");
    if (document.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    DiagnosticPrinter printer = new DiagnosticPrinter();
    ComparedRegistry.Loaded loaded = ComparedRegistry.load(registry);
    if (!loaded.errors().isEmpty()) {
      printer.printText(loaded.errors(), spec.commandLine().getErr());
      spec.commandLine().getErr().println("vhost-spec: cannot compare: the registry has errors");
      return ExitCodes.PROBLEMS;
    }
    List<Difference> all = RstComparison.compare(document.get(), loaded.registry());
    List<Difference> reported = all;
    List<Difference> explained = List.of();
    List<Diagnostic> problems = new ArrayList<>();
    if (expected != null) {
      KnownDifferences.Parsed known = KnownDifferences.read(expected);
      problems.addAll(known.diagnostics());
      KnownDifferences.Applied applied = KnownDifferences.apply(known.entries(), all);
      reported = applied.unexplained();
      explained = applied.explained();
      problems.addAll(applied.stale());
    }
    if (checkRules) {
      problems.addAll(citedSections(document.get()));
    }
    String report = ReportFormat.valueOf(format.name().toUpperCase(Locale.ROOT))
        .write(RstReport.of(document.get(), all, reported));
    spec.commandLine().getOut().print(report);
    if (expected != null && format != Format.json) {
      spec.commandLine().getOut().println(explained.size() + " known difference"
          + (explained.size() == 1 ? "" : "s") + " explained by " + expected);
    }
    printer.printText(problems, spec.commandLine().getErr());
    return reported.isEmpty() && problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  /**
   * The rules of the prose beside the registry that cite a section of QEMU's text which the
   * compared document does not have (none when the registry has no prose beside it).
   */
  private List<Diagnostic> citedSections(RstDocument document) {
    Optional<Path> prose = SpecCheck.defaultProse(registry);
    if (prose.isEmpty()) {
      throw new UserException("--check-rules needs the prose beside the registry: no index.adoc"
          + " in the parent folder of " + registry);
    }
    Set<String> titles = new HashSet<>(document.sections());
    Diagnostics out = new Diagnostics();
    ProseIndex index = ProseScanner.scan(prose.get(), out);
    for (Rule rule : index.rules()) {
      rule.source().filter(s -> s.kind() == RuleSource.Kind.QEMU)
          .filter(s -> !titles.contains(s.value()))
          .ifPresent(s -> out.error(rule.at(), Code.RULE_SECTION_MISSING, "rule '" + rule.id()
              + "' cites the section '" + s.value() + "', which " + document.file().getFileName()
              + " does not have" + Spelling.suggestion(s.value(), titles)));
    }
    return out.sorted();
  }
}
