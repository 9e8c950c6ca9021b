package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.wire.Recorder;
import org.vhostuser.spec.wire.Session;
import org.vhostuser.spec.wire.WireException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec trace record}: a checking proxy between a real front-end and back-end. */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = "Listen for a front-end, connect it to a back-end, and forward every message"
        + " (and the back-end channel of SET_BACKEND_REQ_FD) unchanged while recording and"
        + " checking it. Stops when either side hangs up, or on Ctrl-C.")
final class TraceRecordCommand implements Callable<Integer> {
  @Mixin WireOptions wire;

  @Option(names = "--listen", required = true, paramLabel = "SOCKET",
      description = "The socket the front-end connects to (created here).")
  Path listen;

  @Option(names = "--connect", required = true, paramLabel = "SOCKET",
      description = "The back-end's listening socket.")
  Path connect;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The transcript to write (JSON lines).")
  Path out;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long to wait for the front-end to connect (default: ${DEFAULT-VALUE}).")
  int waitSeconds;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
      description = "How long a started message may take to arrive whole, and a connection to"
          + " the back-end to open (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--quiet", description = "Print only findings and the summary.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var implementations = wire.implementations();
    if (waitSeconds < 1 || timeoutSeconds < 1) {
      throw new UserException("--wait and --timeout take a number of seconds of at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> registry = wire.registry(err, out);
    if (registry.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    PrintWriter live = spec.commandLine().getOut();
    Recorder[] handle = new Recorder[1];
    Thread hook = new Thread(() -> {
      if (handle[0] != null) {
        handle[0].stop("interrupted");
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Session session = new Session(registry.get(), implementations, out, quiet ? null : live);
      String reason;
      try {
        reason = Recorder.run(registry.get(), session, listen, connect, waitSeconds * 1000,
            timeoutSeconds * 1000, handle);
      } catch (WireException e) {
        return wire.stopped(session, e, live, err, quiet, out.toString());
      }
      return wire.finished(session, live, quiet, out.toString(),
          "recording ended: " + reason + "; transcript in " + out);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down
      }
    }
  }
}
