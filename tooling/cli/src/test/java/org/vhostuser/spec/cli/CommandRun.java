package org.vhostuser.spec.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The result of running the real command line in-process: exit code and both streams. */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new CommandRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The diagnostic lines of standard error, with the registry {@code folder} shown as REGISTRY
   * and its parent folder (where the prose lives) as SPEC.
   */
  List<String> diagnostics(String folder) {
    String parent = java.nio.file.Path.of(folder).getParent().toString();
    return Arrays.stream(err.split("\n"))
        .filter(line -> line.matches(".*:\\d+:\\d+: (error|warning): .*"))
        .map(line -> line.replace(folder, "REGISTRY").replace(parent, "SPEC"))
        .toList();
  }

  /** True when nothing that looks like a Java stack trace reached either stream. */
  boolean hasNoStackTrace() {
    return !(out + err).contains("\tat ") && !(out + err).contains("Exception in thread");
  }
}
