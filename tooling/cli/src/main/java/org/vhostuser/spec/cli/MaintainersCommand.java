package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.history.ChangedPaths;
import org.vhostuser.spec.history.HistoryException;
import org.vhostuser.spec.maintainers.CodeOwners;
import org.vhostuser.spec.maintainers.MaintainersFile;
import org.vhostuser.spec.maintainers.Section;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vhost-spec maintainers}: checks MAINTAINERS and says whom to ask for review. */
@Command(name = "maintainers", mixinStandardHelpOptions = true,
    description = "Check the MAINTAINERS file, or list who maintains and reviews given files.",
    subcommands = {MaintainersCommand.Check.class, MaintainersCommand.For.class,
        MaintainersCommand.CodeOwnersFile.class})
final class MaintainersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: check, for or codeowners");
  }

  /** The shared {@code --file} option and reading of the file. */
  static class FileOption {
    @Option(names = "--file", paramLabel = "FILE", defaultValue = "MAINTAINERS",
        description = "The MAINTAINERS file; its folder is the repository root (default:"
            + " ${DEFAULT-VALUE}).")
    Path file;

    Path root() {
      return file.toAbsolutePath().normalize().getParent();
    }

    List<Section> read(Diagnostics out) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new UserException("no MAINTAINERS file at " + file);
      }
      return MaintainersFile.read(file, out);
    }

    /**
     * The sections of a file without errors; empty after printing the file's diagnostics to
     * {@code err} when it has any, since answers drawn from a broken file would be wrong.
     */
    Optional<List<Section>> readValid(PrintWriter err) throws IOException {
      Diagnostics out = new Diagnostics();
      List<Section> sections = read(out);
      List<Diagnostic> found = out.sorted();
      if (Strictness.exitCode(found) != ExitCodes.OK) {
        new DiagnosticPrinter().printText(found, err);
        return Optional.empty();
      }
      return Optional.of(sections);
    }
  }

  /** {@code maintainers check}: format, and patterns that match no file. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check the format of MAINTAINERS and that every F: pattern matches a file.")
  static final class Check extends FileOption implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Diagnostics out = new Diagnostics();
      List<Section> sections = read(out);
      MaintainersFile.checkPatterns(sections, repositoryFiles(root()), out);
      List<Diagnostic> diagnostics = out.sorted();
      new DiagnosticPrinter().printText(diagnostics, spec.commandLine().getErr());
      if (diagnostics.isEmpty()) {
        spec.commandLine().getOut().println(file + ": ok (" + sections.size() + " sections)");
      }
      return Strictness.exitCode(diagnostics);
    }
  }

  /** {@code maintainers for PATH...}: who to ask about these files. */
  @Command(name = "for", mixinStandardHelpOptions = true,
      description = "List the maintainers, reviewers and lists to copy for changes to PATH...")
  static final class For extends FileOption implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files of the repository.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--diff", paramLabel = "BASE", arity = "0..1", fallbackValue = "",
        description = "Also every file the change touches: what differs between the merge base"
            + " of BASE and HEAD and the working tree, as in a merge request (BASE defaults to"
            + " the merge request's diff base in GitLab CI, else origin/main).")
    String base;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (paths.isEmpty() && base == null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "name the files (PATH...) or a revision to compare with (--diff BASE)");
      }
      Optional<List<Section>> valid = readValid(spec.commandLine().getErr());
      if (valid.isEmpty()) {
        return ExitCodes.PROBLEMS;
      }
      List<Section> sections = valid.get();
      Path root = root();
      List<String> relative = new ArrayList<>();
      if (base != null) {
        if (base.isEmpty()) {
          base = TargetBranch.current();
        }
        try {
          relative.addAll(ChangedPaths.since(root, base));
        } catch (HistoryException e) {
          throw new UserException(e.getMessage());
        }
        if (relative.isEmpty() && paths.isEmpty()) {
          spec.commandLine().getOut().println("no file differs from " + base);
          return ExitCodes.OK;
        }
      }
      for (Path path : paths) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
          throw new UserException(path + " is outside the repository (" + root + ")");
        }
        relative.add(root.relativize(absolute).toString().replace('\\', '/'));
      }
      Map<String, List<String>> people = people(sections, relative, "MRL");
      people.forEach((who, roles) -> spec.commandLine().getOut()
          .println(who + " (" + String.join("; ", roles) + ")"));
      if (people.isEmpty()) {
        spec.commandLine().getOut().println("no section of " + file + " covers these files");
      }
      return ExitCodes.OK;
    }
  }

  /**
   * Everyone with one of {@code tags} (M, R, L) in a section that covers one of {@code paths},
   * in the order of the tags and the file, each with the roles and sections that name them.
   */
  static Map<String, List<String>> people(List<Section> sections, List<String> paths,
      String tags) {
    Map<String, List<String>> people = new LinkedHashMap<>();
    for (char tag : tags.toCharArray()) {
      for (Section section : sections) {
        if (paths.stream().anyMatch(section::covers)) {
          String role = tag == 'M' ? "maintainer" : tag == 'R' ? "reviewer" : "list";
          for (String who : section.values(tag)) {
            people.computeIfAbsent(who, k -> new ArrayList<>())
                .add(role + ": " + section.title());
          }
        }
      }
    }
    return people;
  }

  /** {@code maintainers codeowners}: GitLab's CODEOWNERS made from MAINTAINERS. */
  @Command(name = "codeowners", mixinStandardHelpOptions = true,
      description = "Write GitLab's CODEOWNERS (" + CodeOwners.PATH + ") from MAINTAINERS, or"
          + " with --check, exit 1 when the committed one differs.")
  static final class CodeOwnersFile extends FileOption implements Callable<Integer> {
    @Option(names = "--check", description = "Compare instead of writing.")
    boolean check;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Optional<List<Section>> sections = readValid(spec.commandLine().getErr());
      if (sections.isEmpty()) {
        return ExitCodes.PROBLEMS;
      }
      Path target = root().resolve(CodeOwners.PATH);
      String text = CodeOwners.render(sections.get());
      if (check) {
        boolean same = Files.isRegularFile(target) && Files.readString(target).equals(text);
        if (!same) {
          spec.commandLine().getErr().println(target + " does not match " + file
              + "; run: vhost-spec maintainers codeowners");
          return ExitCodes.PROBLEMS;
        }
        spec.commandLine().getOut().println(target + ": up to date");
        return ExitCodes.OK;
      }
      Generation.write(target, text);
      spec.commandLine().getOut().println(target + ": written");
      return ExitCodes.OK;
    }
  }

  /** The repository's files, as '/'-separated paths, leaving out build outputs and .git. */
  static List<String> repositoryFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith(".git/") && !p.startsWith("build/") && !p.contains("/target/")
              && !p.startsWith("target/") && !p.startsWith(".m2/")
              && !p.startsWith(".gitlab-ci-local/"))
          .sorted().toList();
    }
  }
}
