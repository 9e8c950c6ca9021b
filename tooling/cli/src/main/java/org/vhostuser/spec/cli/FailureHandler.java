package org.vhostuser.spec.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.Optional;
import org.vhostuser.spec.history.GitRepository;
import org.vhostuser.spec.registry.load.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception or error escaping a command into one clean line: a problem the user can fix
 * (a {@link UserException}, an input refused, a file that cannot be read or written, a damaged
 * git repository) exits 2; anything else is a bug, exits 3 and asks to be reported. Stack traces
 * only with {@code --stacktrace}. Picocli hands this handler exceptions only; {@link Main} hands
 * it the errors (a stack overflow, memory exhausted) too.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    return report(e, command.getErr(), wantsStackTrace(parsed));
  }

  /** Prints {@code problem} as one line (and its trace when asked) and returns the exit code. */
  static int report(Throwable problem, PrintWriter err, boolean stackTrace) {
    Optional<String> fixable = fixable(problem);
    if (fixable.isPresent()) {
      err.println(DiagnosticPrinter.printable("vhost-spec: " + fixable.get()));
      if (stackTrace) {
        problem.printStackTrace(err);
      }
      return ExitCodes.USAGE;
    }
    err.println(DiagnosticPrinter.printable("vhost-spec: internal error: " + describe(problem)
        + " (this is a bug; please report it with the command line that caused it"
        + (stackTrace ? ")" : ", adding --stacktrace)")));
    if (stackTrace) {
      problem.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /** The one line for a problem the user can fix, if {@code problem} is one. */
  private static Optional<String> fixable(Throwable problem) {
    if (problem instanceof UserException) {
      return Optional.of(problem.getMessage());
    }
    Optional<String> damage = GitRepository.damage(problem);
    if (damage.isPresent()) {
      return damage;
    }
    for (Throwable cause = problem; cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      if (cause instanceof InputFiles.Refused refused) {
        return Optional.of(refused.file() + ": " + refused.getMessage());
      }
      if (cause instanceof FileSystemException failed && failed.getFile() != null) {
        return Optional.of("cannot use " + failed.getFile() + ": "
            + UserException.reasonOf(failed));
      }
    }
    return Optional.empty();
  }

  /** The problem in a few words: an error the JVM raised is named for what it means. */
  private static String describe(Throwable problem) {
    for (Throwable cause = problem; cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      if (cause instanceof StackOverflowError) {
        return "the call stack overflowed (StackOverflowError), which an input nested too deeply"
            + " for a reader without a depth limit can cause";
      }
      if (cause instanceof OutOfMemoryError) {
        return "the Java heap is exhausted (OutOfMemoryError)";
      }
    }
    return String.valueOf(problem);
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
