package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./vhost-spec} decides when to rebuild the jar: when a source changed, not
 * when a checkout only gave the sources new times (a CI job that takes the jar as an artifact).
 * It runs on a copy of the launcher in a small tree, with stand-ins for Maven and Java that
 * record each call, and file times set explicitly.
 */
class LauncherTest {
  static final Path LAUNCHER = Path.of("../../vhost-spec");
  static final String EXECUTABLE = "rwxr-xr-x";

  @TempDir Path root;
  Path bin;
  Path calls;
  Path source;
  Path jar;
  Path stamp;

  @BeforeEach
  void tree() throws IOException {
    Files.copy(LAUNCHER, root.resolve("vhost-spec"));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(root.resolve("tooling/model/src/main/java"));
    Files.writeString(root.resolve("tooling/model/pom.xml"), "<project/>\n");
    source = root.resolve("tooling/model/src/main/java/Model.java");
    Files.writeString(source, "class Model {}\n");
    Files.createDirectories(root.resolve("tooling/cli/src/main/java"));
    Files.writeString(root.resolve("tooling/cli/pom.xml"), "<project/>\n");
    Files.writeString(root.resolve("tooling/cli/src/main/java/Main.java"), "class Main {}\n");
    jar = root.resolve("tooling/cli/target/vhost-spec.jar");
    stamp = root.resolve("tooling/cli/target/vhost-spec.sources");
    bin = Files.createDirectories(root.resolve("bin"));
    calls = root.resolve("calls.log");
    // Maven builds the jar; Java answers the version question and otherwise records its call.
    script(bin.resolve("mvn"), "echo mvn >> " + calls + "\n"
        + "mkdir -p tooling/cli/target && echo jar > tooling/cli/target/vhost-spec.jar\n");
    script(bin.resolve("java"), "case \"$*\" in\n"
        + "  *-XshowSettings*) echo '    java.specification.version = 17' >&2 ;;\n"
        + "  *' train '*) echo train >> " + calls + " ;;\n"
        + "  *-Xshare:dump*) ;;\n"
        + "  *) echo run >> " + calls + " ;;\n"
        + "esac\n");
  }

  @Test
  void buildsOnceThenRunsTheJar() throws Exception {
    launch();
    launch();
    assertThat(calls()).containsExactly("mvn", "train", "train", "run", "run");
    assertThat(Files.readString(stamp)).matches("[0-9a-f]{64}\n");
  }

  @Test
  void sourcesWithNewTimesButTheSameContentDoNotRebuild() throws Exception {
    launch();
    Files.writeString(calls, "");
    checkout();
    launch();
    launch();
    assertThat(calls()).as("no build and no new startup cache").containsExactly("run", "run");
    assertThat(Files.getLastModifiedTime(stamp).toInstant())
        .as("the stamp is touched, so the next run needs no fingerprint")
        .isAfterOrEqualTo(Files.getLastModifiedTime(source).toInstant());
  }

  @Test
  void aChangedSourceRebuilds() throws Exception {
    launch();
    Files.writeString(calls, "");
    Files.writeString(source, "class Model { int changed; }\n");
    checkout();
    launch();
    assertThat(calls()).containsExactly("mvn", "train", "train", "run");
  }

  @Test
  void aNewSourceFileRebuilds() throws Exception {
    launch();
    Files.writeString(calls, "");
    Files.writeString(root.resolve("tooling/model/src/main/java/Added.java"), "class Added {}\n");
    checkout();
    launch();
    assertThat(calls()).startsWith("mvn");
  }

  @Test
  void aJarNewerThanItsStampIsJudgedByTimeAlone() throws Exception {
    launch();
    Files.writeString(calls, "");
    // Maven rebuilt the jar by itself (mvn verify), after the launcher wrote the stamp; the
    // stamp no longer describes this jar, so newer sources mean a build, as before stamps.
    Files.setLastModifiedTime(jar, at(1000));
    Files.setLastModifiedTime(stamp, at(900));
    Files.setLastModifiedTime(root.resolve("tooling/cli/target/vhost-spec.runtime"), at(1001));
    touchSources(at(2000));
    launch();
    assertThat(calls()).startsWith("mvn");
  }

  @Test
  void aMissingJarIsBuiltEvenWithAStamp() throws Exception {
    launch();
    Files.delete(jar);
    Files.writeString(calls, "");
    launch();
    assertThat(calls()).startsWith("mvn");
  }

  /**
   * What a fresh checkout does to a jar built earlier (an artifact of another job): every source
   * gets a time after the jar, its stamp and its startup cache. All times lie in the past.
   */
  private void checkout() throws IOException {
    Instant now = Instant.now();
    Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(7200)));
    for (String made : List.of("vhost-spec.sources", "vhost-spec.runtime")) {
      Path file = root.resolve("tooling/cli/target").resolve(made);
      Files.setLastModifiedTime(file, FileTime.from(now.minusSeconds(7100)));
    }
    touchSources(FileTime.from(now.minusSeconds(3600)));
  }

  private void touchSources(FileTime time) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("tooling"))) {
      for (Path file : files.filter(Files::isRegularFile)
          .filter(file -> !file.toString().contains("/target/")).toList()) {
        Files.setLastModifiedTime(file, time);
      }
    }
    Files.setLastModifiedTime(root.resolve("pom.xml"), time);
  }

  private static FileTime at(long seconds) {
    return FileTime.from(Instant.ofEpochSecond(1_700_000_000L + seconds));
  }

  private List<String> calls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  /** Runs the launcher with the stand-ins first on the PATH; fails on a non-zero exit. */
  private void launch() throws Exception {
    Path output = root.resolve("launcher.out");
    ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("vhost-spec").toString(),
        "validate").directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("VHOST_SPEC_JAVA", bin.resolve("java").toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not finish within 60 s");
    }
    assertThat(process.exitValue()).as(Files.readString(output, StandardCharsets.UTF_8)).isZero();
  }

  private static void script(Path path, String body) throws IOException {
    Files.writeString(path, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(EXECUTABLE));
  }
}
