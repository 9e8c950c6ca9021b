package org.vhostuser.spec.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.vhostuser.spec.registry.load.YamlWarmup;
import picocli.CommandLine;

/** Entry point of {@code vhost-spec}: runs one command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    BackgroundRenderer.startEarly(args);
    YamlWarmup.startInBackground();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /** Runs a command line with the given streams and returns its exit code; tests call this. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine commandLine = new CommandLine(new VhostSpecCommand());
    VhostSpecCommand.addSubcommands(commandLine, args);
    commandLine
        .setOut(outWriter)
        .setErr(errWriter)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new FailureHandler());
    ExitCodes.addToHelp(commandLine);
    int code;
    try {
      code = commandLine.execute(args);
    } catch (Error | RuntimeException e) {
      // Picocli passes only exceptions of a command to its handler; errors arrive here.
      code = FailureHandler.report(e, errWriter, java.util.Arrays.asList(args)
          .contains("--stacktrace"));
    }
    outWriter.flush();
    errWriter.flush();
    return code;
  }
}
