package org.vhostuser.spec.cli;

import java.util.List;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code vhost-spec} command; it only groups the subcommands. */
@Command(
    name = "vhost-spec",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validate, render, generate and review the vhost-user protocol specification.")
final class VhostSpecCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. They are added to the command line by
   * {@link #addSubcommands}, not declared in the annotation, so that a run builds the model of
   * the one subcommand it needs: picocli's reflection is most of a short command's start time.
   */
  static final List<String> SUBCOMMANDS = List.of("build", "validate", "generate", "conform",
      "import-rst", "compare-rst", "export-rst", "site", "serve", "diff", "changelog",
      "check-commits", "next-id", "maintainers", "trace", "probe", "stub-backend", "man", "train",
      "help", "generate-completion");

  /**
   * A new instance of the named subcommand. A plain switch rather than constructor references:
   * picocli's classes are compiled for an old class-file version, and lambdas naming them stop
   * the JVM's startup cache from being written.
   */
  private static Object create(String name) {
    switch (name) {
      case "build": return new BuildCommand();
      case "validate": return new ValidateCommand();
      case "generate": return new GenerateCommand();
      case "conform": return new ConformCommand();
      case "import-rst": return new ImportRstCommand();
      case "compare-rst": return new CompareRstCommand();
      case "export-rst": return new ExportRstCommand();
      case "site": return new SiteCommand();
      case "serve": return new ServeCommand();
      case "diff": return new DiffCommand();
      case "changelog": return new ChangelogCommand();
      case "check-commits": return new CheckCommitsCommand();
      case "next-id": return new NextIdCommand();
      case "maintainers": return new MaintainersCommand();
      case "trace": return new TraceCommand();
      case "probe": return new ProbeCommand();
      case "stub-backend": return new StubBackendCommand();
      case "man": return new ManCommand();
      case "train": return new TrainCommand();
      case "help": return new HelpCommand();
      case "generate-completion": return new GenerateCompletion();
      default: throw new IllegalArgumentException("no subcommand " + name);
    }
  }

  /**
   * Adds to {@code root} the subcommand {@code args} names, or all of them when the command
   * line asks for help, for completion, or names none (so help and errors list them all).
   */
  static void addSubcommands(CommandLine root, String... args) {
    String first = "";
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        first = arg;
        break;
      }
    }
    boolean single = SUBCOMMANDS.contains(first) && !first.equals("help")
        && !first.equals("generate-completion");
    for (String name : SUBCOMMANDS) {
      if (!single || name.equals(first)) {
        root.addSubcommand(name, create(name));
      }
    }
  }

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal error.")
  boolean stackTrace;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand");
  }
}
