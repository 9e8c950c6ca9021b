package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a compiler or cargo in a folder, bounded in time; fails the test with its output. */
final class Toolchain {
  private Toolchain() {}

  /** The combined output of a command that must succeed. */
  static String run(Path folder, List<String> command) throws Exception {
    return run(folder, Map.of(), command);
  }

  /** The same, with extra environment variables. */
  static String run(Path folder, Map<String, String> environment, List<String> command)
      throws Exception {
    Result result = attempt(folder, environment, command);
    assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
    return result.output();
  }

  /** What a command printed and how it ended. */
  record Result(int exitCode, String output) {}

  /** Runs a command that may fail. */
  static Result attempt(Path folder, Map<String, String> environment, List<String> command)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("timed out: " + command).isTrue();
      return new Result(process.exitValue(), output);
    } finally {
      process.destroyForcibly();
    }
  }
}
