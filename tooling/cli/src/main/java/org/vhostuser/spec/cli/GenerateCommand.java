package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vhostuser.spec.generate.GeneratedFile;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.generate.Language;
import org.vhostuser.spec.generate.Provenance;
import org.vhostuser.spec.generate.Provenances;
import org.vhostuser.spec.history.Changelog;
import org.vhostuser.spec.history.GitRepository;
import org.vhostuser.spec.registry.validate.RegistryValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec generate}: writes the registry as JSON, C and Rust, or checks a copy. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate protocol constants and payload layouts from the registry: JSON,"
        + " a C header and a Rust module. With --check, compare a folder with what would be"
        + " generated instead of writing.")
final class GenerateCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--lang", paramLabel = "LANG", split = ",",
      description = "Languages to generate: json, c, rust (repeatable or comma-separated;"
          + " default: all).")
  List<String> languages;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "build/generated",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--check", description = "Compare DIR with what would be generated; exit 1"
      + " when a file is missing or differs. Writes nothing.")
  boolean check;

  @Option(names = "--c-prefix", paramLabel = "PREFIX", defaultValue = "",
      description = "Prefix for every C identifier, to avoid clashes with existing definitions.")
  String cPrefix;

  @Option(names = "--revision", paramLabel = "REV", description = "Record this revision in the"
      + " files instead of the git commit of the registry's checkout.")
  String revision;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path folder = registryOption.folder();
    Set<Language> selected = selectedLanguages();
    Optional<RegistryValidator.Checked> valid =
        ValidRegistry.load(folder, spec.commandLine().getErr(), "nothing generated");
    if (valid.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    RegistryValidator.Checked checked = valid.get();
    Provenance provenance = provenance(folder, spec.commandLine().getErr());
    if (revision != null) {
      provenance = new Provenance(revision, provenance.contentSha256(), provenance.since());
    }
    List<GeneratedFile> files = Generation.generate(checked.registry(), provenance, selected, cPrefix);
    return check ? compare(files) : write(files);
  }

  /**
   * The revision, content hash and release history generated files record; in a shallow clone,
   * without the release history, and {@code err} says so.
   */
  static Provenance provenance(Path folder, PrintWriter err) throws IOException {
    Optional<Map<String, String>> since = Changelog.sinceOf(folder);
    if (since.isEmpty()) {
      err.println("vhost-spec: warning: " + GitRepository.shallowMessage("the release each"
          + " entry first appeared in") + "; the 'since' notes are left out");
    }
    return Provenances.of(folder).withSince(since.orElse(Map.of()));
  }

  private int write(List<GeneratedFile> files) throws IOException {
    Generation.write(files, out);
    spec.commandLine().getOut().println(out + ": " + names(files));
    return ExitCodes.OK;
  }

  private int compare(List<GeneratedFile> files) throws IOException {
    List<Generation.Difference> differences = Generation.check(files, out);
    if (differences.isEmpty()) {
      spec.commandLine().getOut().println(out + ": up to date (" + names(files) + ")");
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    for (Generation.Difference d : differences) {
      err.println(out.resolve(d.file()) + ": " + d.problem());
    }
    err.println(out + ": " + differences.size() + " of " + files.size()
        + " generated files out of date; run vhost-spec generate --out " + out);
    return ExitCodes.PROBLEMS;
  }

  private Set<Language> selectedLanguages() {
    if (languages == null || languages.isEmpty()) {
      return EnumSet.allOf(Language.class);
    }
    Set<Language> selected = EnumSet.noneOf(Language.class);
    for (String name : languages) {
      Language language = java.util.Arrays.stream(Language.values())
          .filter(l -> l.option().equals(name.trim())).findFirst()
          .orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
              "unknown language '" + name + "' for --lang; use json, c or rust"));
      selected.add(language);
    }
    return selected;
  }

  private static String names(List<GeneratedFile> files) {
    return files.stream().map(GeneratedFile::name).collect(Collectors.joining(", "));
  }
}
