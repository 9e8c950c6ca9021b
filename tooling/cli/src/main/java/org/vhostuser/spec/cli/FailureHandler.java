package org.vhostuser.spec.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clean line: a user-fixable problem exits 2, a
 * bug exits 3 and asks to be reported. Stack traces only with {@code --stacktrace}.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    boolean stackTrace = wantsStackTrace(parsed);
    if (e instanceof UserException) {
      err.println("vhost-spec: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    err.println("vhost-spec: internal error: " + e
        + " (this is a bug; please report it with the command line that caused it"
        + (stackTrace ? ")" : ", adding --stacktrace)"));
    if (stackTrace) {
      e.printStackTrace(err);
    }
    return ExitCodes.INTERNAL;
  }

  private static boolean wantsStackTrace(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
