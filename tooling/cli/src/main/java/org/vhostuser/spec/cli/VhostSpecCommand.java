package org.vhostuser.spec.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("build", BuildCommand::new);
    all.put("validate", ValidateCommand::new);
    all.put("generate", GenerateCommand::new);
    all.put("conform", ConformCommand::new);
    all.put("train", TrainCommand::new);
    all.put("help", HelpCommand::new);
    all.put("generate-completion", GenerateCompletion::new);
    return Collections.unmodifiableMap(all);
  }

  /**
   * Adds to {@code root} the subcommand {@code args} names, or all of them when the command
   * line asks for help, for completion, or names none (so help and errors list them all).
   */
  static void addSubcommands(CommandLine root, String... args) {
    String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    boolean single = SUBCOMMANDS.containsKey(first) && !first.equals("help")
        && !first.equals("generate-completion");
    SUBCOMMANDS.forEach((name, command) -> {
      if (!single || name.equals(first)) {
        root.addSubcommand(name, command.get());
      }
    });
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
