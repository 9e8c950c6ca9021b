package org.vhostuser.spec.cli;

import picocli.AutoComplete.GenerateCompletion;
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
    description = "Validate, render, generate and review the vhost-user protocol specification.",
    subcommands = {
      BuildCommand.class,
      ValidateCommand.class,
      GenerateCommand.class,
      ConformCommand.class,
      HelpCommand.class,
      GenerateCompletion.class,
    })
final class VhostSpecCommand implements Runnable {
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
