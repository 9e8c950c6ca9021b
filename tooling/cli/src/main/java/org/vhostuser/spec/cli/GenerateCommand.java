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
import org.vhostuser.spec.generate.Identifiers;
import org.vhostuser.spec.generate.Language;
import org.vhostuser.spec.generate.Profile;
import org.vhostuser.spec.generate.Profiles;
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
        + " a C header and a Rust module, in the neutral style or in a project's (--profile)."
        + " With --check, compare a folder with what would be generated instead of writing.")
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
      description = "Prefix for every C identifier, to avoid clashes with existing definitions"
          + " (letters, digits and underscores, not starting with a digit).")
  String cPrefix;

  @Option(names = "--revision", paramLabel = "REV", description = "Record this revision in the"
      + " files instead of the git commit of the registry's checkout (one line of printable"
      + " text, at most 200 characters, without quotes, backslashes or comment delimiters).")
  String revision;

  @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "default",
      description = "The project style: default, qemu, dpdk, rust-vmm, crosvm, or the path of a"
          + " profile .yaml file (default: ${DEFAULT-VALUE}). A project profile writes only its"
          + " own language (JSON too when --lang json is given).")
  String profileName;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Identifiers.isCPrefix(cPrefix)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--c-prefix must be"
          + " the start of a C identifier (letters, digits, underscores; no leading digit),"
          + " found '" + printable(cPrefix) + "'");
    }
    if (revision != null && (revision.isEmpty() || !Identifiers.isCommentSafe(revision))) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--revision must be"
          + " one line of printable text without quotes, backslashes or comment delimiters (at"
          + " most 200 characters), found '" + printable(revision) + "'");
    }
    Profile profile;
    try {
      profile = Profiles.load(profileName);
    } catch (Profiles.ProfileException e) {
      throw new UserException(e.getMessage());
    }
    Path folder = registryOption.folder();
    Set<Language> selected = selectedLanguages(profile);
    if (check) {
      return generate(folder, selected, profile);
    }
    try (Outputs claimed = claim(out, registryOption)) {
      return generate(folder, selected, profile);
    }
  }

  /**
   * Claims {@code out} for generated files (see {@link Outputs}): a folder that held only them
   * before the marker existed is still recognised.
   */
  static Outputs claim(Path out, RegistryOption registryOption) {
    Set<String> names = new java.util.HashSet<>();
    for (Language language : Language.values()) {
      names.add(language.fileName());
    }
    return Outputs.claim(out, "--out", Outputs.onlyFilesNamed(name -> names.contains(name)
        || names.stream().anyMatch(n -> name.startsWith("." + n) && name.endsWith(".tmp"))),
        registryOption.repositoryRoot());
  }

  private int generate(Path folder, Set<Language> selected, Profile profile)
      throws IOException {
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
    List<GeneratedFile> files =
        Generation.generate(checked.registry(), provenance, selected, profile, cPrefix);
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

  private Set<Language> selectedLanguages(Profile profile) {
    if (languages == null || languages.isEmpty()) {
      if (profile.languages().containsAll(List.of(Language.C, Language.RUST))) {
        return EnumSet.allOf(Language.class);
      }
      return EnumSet.copyOf(profile.languages());
    }
    Set<Language> selected = EnumSet.noneOf(Language.class);
    for (String name : languages) {
      Language language = java.util.Arrays.stream(Language.values())
          .filter(l -> l.option().equals(name.trim())).findFirst()
          .orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
              "unknown language '" + name + "' for --lang; use json, c or rust"));
      if (language != Language.JSON && !profile.languages().contains(language)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "profile '"
            + profileName + "' writes no " + language.option() + "; it writes "
            + profile.languages().stream().map(Language::option).sorted()
                .collect(Collectors.joining(", ")));
      }
      selected.add(language);
    }
    return selected;
  }

  /** A value as a message may show it: control characters escaped, long values cut. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(60).forEach(c -> out.append(c < 0x20 || c == 0x7f
        ? String.format(java.util.Locale.ROOT, "\\x%02x", c) : new String(Character.toChars(c))));
    return value.codePointCount(0, value.length()) > 60 ? out + "..." : out.toString();
  }

  private static String names(List<GeneratedFile> files) {
    return files.stream().map(GeneratedFile::name).collect(Collectors.joining(", "));
  }
}
