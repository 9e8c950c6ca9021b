package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * trace check, trace record, probe and stub-backend through the real command line: reports in
 * their three formats (golden files), and every kind of bad input giving one clean line, its
 * exit code and no transcript.
 */
@Timeout(60)
class WireCommandsTest {
  static final String WIRE_REGISTRY = "../wire/src/test/resources/registry";
  static final String URL = "https://spec.example/index.html";
  static final String REAL = "../../spec/registry";

  @TempDir Path temp;

  @Test
  void traceCheckReportsInTextJsonAndJunit() throws IOException {
    Path trace = resource("traces/breaks.jsonl");
    for (String format : new String[] {"text", "json", "junit"}) {
      CommandRun run = CommandRun.of("trace", "check", "--registry", WIRE_REGISTRY,
          "--spec-url", URL, "--format", format, trace.toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROBLEMS);
      assertThat(run.out().replace(trace.toString(), "TRACE")).isEqualTo(
          Files.readString(resource("traces/breaks." + format + ".expected"),
              StandardCharsets.UTF_8));
      assertThat(run.hasNoStackTrace()).isTrue();
    }
  }

  @Test
  void aNamedImplementationTurnsItsQuirkIntoANote() {
    CommandRun run = CommandRun.of("trace", "check", "--registry", WIRE_REGISTRY, "--spec-url",
        URL, "--implementation", "acme@1.2", resource("traces/breaks.jsonl").toString());
    assertThat(run.out()).contains("note: VHOST_USER_SET_VRING_ENABLE needs"
        + " VHOST_USER_F_PROTOCOL_FEATURES negotiated, which it is not"
        + " [feature-negotiated-before-use] (known quirk of acme 1.2: Enables rings before"
        + " acknowledging the protocol features.)");
    assertThat(run.out()).contains(": 3 errors, 0 warnings, 1 known quirk");
  }

  @Test
  void aCleanTranscriptExitsZero() throws IOException {
    Path trace = Files.writeString(temp.resolve("ok.jsonl"), Files.readAllLines(
        resource("traces/breaks.jsonl")).subList(0, 2).stream().map(l -> l + "\n")
        .reduce("", String::concat));
    CommandRun run = CommandRun.of("trace", "check", "--registry", WIRE_REGISTRY,
        trace.toString());
    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).endsWith("2 messages in 1 file: 0 errors, 0 warnings, 0 known quirks\n");
  }

  @Test
  void badArgumentsAreOneLineAndExitTwo() {
    CommandRun missing = CommandRun.of("trace", "check", "--registry", REAL, temp.resolve("none.jsonl").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).isEqualTo("vhost-spec: no transcript file at "
        + temp.resolve("none.jsonl") + "\n");

    CommandRun version = CommandRun.of("trace", "check", "--registry", REAL, "--implementation", "qemu",
        resource("traces/breaks.jsonl").toString());
    assertThat(version.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(version.err()).isEqualTo("vhost-spec: --implementation takes NAME@VERSION, for"
        + " example qemu@10.0; found 'qemu'\n");

    CommandRun noRules = CommandRun.of("trace", "check", "--registry",
        "src/test/resources/fixtures/base", resource("traces/breaks.jsonl").toString());
    assertThat(noRules.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noRules.err()).isEqualTo("vhost-spec: src/test/resources/fixtures/base has no"
        + " wire-rules.yaml; the wire checks need it\n");
  }

  @Test
  void waitsAndTimeoutsBelowOneAreOneLineAndExitTwo() {
    Path socket = temp.resolve("never.sock");
    for (String wait : List.of("0", "-1")) {
      CommandRun stub = CommandRun.of("stub-backend", "--registry", REAL, "--wait", wait,
          "--listen", socket.toString());
      assertThat(stub.exitCode()).as(wait).isEqualTo(ExitCodes.USAGE);
      assertThat(stub.err()).isEqualTo("vhost-spec: --wait takes a number of seconds of at"
          + " least 1\n");
      CommandRun record = CommandRun.of("trace", "record", "--registry", REAL, "--wait", wait,
          "--listen", socket.toString(), "--connect", temp.resolve("b.sock").toString(),
          "--out", temp.resolve("t.jsonl").toString());
      assertThat(record.exitCode()).as(wait).isEqualTo(ExitCodes.USAGE);
      assertThat(record.err()).isEqualTo("vhost-spec: --wait and --timeout take a number of"
          + " seconds of at least 1\n");
      CommandRun probe = CommandRun.of("probe", "--registry", REAL, "--timeout", wait,
          "--backend", socket.toString());
      assertThat(probe.exitCode()).as(wait).isEqualTo(ExitCodes.USAGE);
      assertThat(probe.err()).isEqualTo("vhost-spec: --timeout takes a number of milliseconds"
          + " of at least 1\n");
    }
    assertThat(socket).doesNotExist();
  }

  @Test
  void recordRefusesAPathThatIsNotASocketAndWritesNoTranscript() throws IOException {
    Path file = Files.writeString(temp.resolve("plain"), "x");
    Path out = temp.resolve("out.jsonl");
    CommandRun run = CommandRun.of("trace", "record", "--registry", REAL, "--listen", temp.resolve("l.sock")
        .toString(), "--connect", file.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("vhost-spec: " + file + " is not a socket\n");
    assertThat(out).doesNotExist();
    assertThat(temp.resolve("l.sock")).doesNotExist();

    CommandRun listenOnFile = CommandRun.of("trace", "record", "--registry", REAL, "--listen", file.toString(),
        "--connect", file.toString(), "--out", out.toString());
    assertThat(listenOnFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void recordWithoutAFrontEndStopsAfterItsWait() throws IOException {
    Path out = temp.resolve("out.jsonl");
    try (AFUNIXServerSocket backend = listening("backend.sock")) {
      CommandRun run = CommandRun.of("trace", "record", "--registry", REAL, "--wait", "1", "--listen",
          temp.resolve("l.sock").toString(), "--connect", temp.resolve("backend.sock")
          .toString(), "--out", out.toString());
      assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
      assertThat(run.err()).isEqualTo("vhost-spec: no front-end connected within 1 s\n");
    }
    assertThat(out).doesNotExist();
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("l.sock")
          .noneMatch(n -> n.endsWith(".partial"));
    }
  }

  @Test
  void probeOfAPeerThatNeverAnswersOrHangsUpIsOneLine() throws Exception {
    try (AFUNIXServerSocket silent = listening("silent.sock")) {
      Thread keep = acceptAndThen(silent, false);
      CommandRun run = CommandRun.of("probe", "--registry", REAL, "--timeout", "300", "--backend",
          temp.resolve("silent.sock").toString());
      assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
      assertThat(run.err()).isEqualTo("vhost-spec: the back-end sent no reply to"
          + " VHOST_USER_GET_FEATURES within 300 ms\n");
      assertThat(run.out()).contains("reply-when-due");
      keep.interrupt();
    }
    try (AFUNIXServerSocket rude = listening("rude.sock")) {
      acceptAndThen(rude, true);
      CommandRun run = CommandRun.of("probe", "--registry", REAL, "--backend", temp.resolve("rude.sock").toString());
      assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
      assertThat(run.err()).isEqualTo("vhost-spec: the back-end closed the connection instead"
          + " of replying to VHOST_USER_GET_FEATURES\n");
    }
    CommandRun file = CommandRun.of("probe", "--registry", REAL, "--backend", resource("traces/breaks.jsonl")
        .toString());
    assertThat(file.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(file.err()).endsWith("breaks.jsonl is not a socket\n");
  }

  @Test
  void probeAndStubBackendAgreeWithTheRealRegistry() throws Exception {
    Path socket = temp.resolve("stub.sock");
    Path stubOut = temp.resolve("stub.jsonl");
    AtomicReference<CommandRun> stub = new AtomicReference<>();
    Thread server = new Thread(() -> stub.set(CommandRun.of("stub-backend", "--registry", REAL, "--quiet",
        "--wait", "20", "--listen", socket.toString(), "--out", stubOut.toString(),
        "--protocol-features", "VHOST_USER_PROTOCOL_F_MQ,VHOST_USER_PROTOCOL_F_REPLY_ACK,"
            + "VHOST_USER_PROTOCOL_F_CONFIG")));
    server.start();
    for (int i = 0; i < 500 && !Files.exists(socket); i++) {
      Thread.sleep(10);
    }
    Path probeOut = temp.resolve("probe.jsonl");
    CommandRun probe = CommandRun.of("probe", "--registry", REAL, "--backend", socket.toString(), "--out",
        probeOut.toString());
    server.join(20_000);

    assertThat(probe.exitCode()).as(probe.out() + probe.err()).isEqualTo(ExitCodes.OK);
    assertThat(probe.out()).contains("protocol features offered: VHOST_USER_PROTOCOL_F_MQ,"
        + " VHOST_USER_PROTOCOL_F_REPLY_ACK, VHOST_USER_PROTOCOL_F_CONFIG",
        "optional messages answered: VHOST_USER_GET_QUEUE_NUM",
        "0 errors, 0 warnings, 0 known quirks");
    assertThat(stub.get().exitCode()).as(stub.get().out() + stub.get().err())
        .isEqualTo(ExitCodes.OK);
    assertThat(stub.get().out()).contains("the front-end hung up");
    // Both sides saw the same conversation.
    assertThat(Files.readAllLines(stubOut)).hasSameSizeAs(Files.readAllLines(probeOut));
    CommandRun check = CommandRun.of("trace", "check", "--registry", REAL, probeOut.toString(),
        stubOut.toString());
    assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void helpListsTheWireCommands() {
    CommandRun run = CommandRun.of("--help");
    assertThat(run.out()).contains("trace", "probe", "stub-backend");
  }

  private AFUNIXServerSocket listening(String name) throws IOException {
    AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
    server.bind(AFUNIXSocketAddress.of(temp.resolve(name)));
    return server;
  }

  /** Accepts one connection, then either hangs up at once or keeps it open, silent. */
  private static Thread acceptAndThen(AFUNIXServerSocket server, boolean hangUp) {
    Thread t = new Thread(() -> {
      try (var socket = server.accept()) {
        socket.getInputStream().read(new byte[12]);
        if (!hangUp) {
          Thread.sleep(10_000);
        }
      } catch (IOException | InterruptedException e) {
        // the test is over
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Path resource(String name) {
    try {
      return Path.of(WireCommandsTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
