package org.vhostuser.spec.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vhost-spec trace}: groups the transcript commands. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    subcommands = {TraceCheckCommand.class, TraceRecordCommand.class},
    description = "Check vhost-user transcripts against the registry, or record one between a"
        + " real front-end and back-end.")
final class TraceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: check or record");
  }
}
