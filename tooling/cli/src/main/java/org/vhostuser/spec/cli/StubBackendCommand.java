package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.wire.Session;
import org.vhostuser.spec.wire.StubBackend;
import org.vhostuser.spec.wire.WireException;
import org.vhostuser.spec.wire.WireSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec stub-backend}: a back-end that answers every request validly. */
@Command(name = "stub-backend", mixinStandardHelpOptions = true,
    description = "Listen on a socket and answer one front-end's requests as the registry says a"
        + " back-end must, checking everything the front-end sends. Processes no ring.")
final class StubBackendCommand implements Callable<Integer> {
  @Mixin WireOptions wire;

  @Option(names = "--listen", required = true, paramLabel = "SOCKET",
      description = "The socket to create and listen on.")
  Path listen;

  @Option(names = "--features", paramLabel = "NAME", split = ",",
      defaultValue = "VIRTIO_F_VERSION_1,VHOST_USER_F_PROTOCOL_FEATURES",
      description = "Virtio features to offer (default: ${DEFAULT-VALUE}).")
  List<String> features;

  @Option(names = "--protocol-features", paramLabel = "NAME", split = ",",
      defaultValue = "VHOST_USER_PROTOCOL_F_MQ,VHOST_USER_PROTOCOL_F_REPLY_ACK",
      description = "Protocol features to offer (default: ${DEFAULT-VALUE}).")
  List<String> protocolFeatures;

  @Option(names = "--queues", paramLabel = "N", defaultValue = "2",
      description = "Queue count for GET_QUEUE_NUM (default: ${DEFAULT-VALUE}).")
  long queues;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the transcript.")
  Path out;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long to wait for the front-end, and then for each request"
          + " (default: ${DEFAULT-VALUE}).")
  int waitSeconds;

  @Option(names = "--quiet", description = "Print only findings and the summary.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var implementations = wire.implementations();
    if (waitSeconds < 1) {
      throw new UserException("--wait takes a number of seconds of at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter text = spec.commandLine().getOut();
    Optional<Registry> registry = wire.registry(err, out);
    if (registry.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    long virtioMask = mask(registry.get().virtioFeatures().features(), features, "--features");
    long protocolMask = mask(registry.get().protocolFeatures().features(), protocolFeatures,
        "--protocol-features");
    Session session = new Session(registry.get(), implementations, out, quiet ? null : text);
    String label = out == null ? "live" : out.toString();
    try {
      AFUNIXServerSocket server = WireSocket.listen(listen);
      WireSocket socket;
      try {
        session.say("listening on " + listen);
        socket = WireSocket.accept(server, waitSeconds * 1000, "front-end");
      } finally {
        server.close();
        Files.deleteIfExists(listen);
      }
      try (socket) {
        StubBackend.serve(registry.get(), session, socket, virtioMask, protocolMask, queues,
            waitSeconds * 1000);
      }
    } catch (WireException e) {
      return wire.stopped(session, e, text, err, quiet, label);
    }
    return wire.finished(session, text, quiet, label, "the front-end hung up");
  }

  private static long mask(List<org.vhostuser.spec.registry.Feature> table, List<String> names,
      String option) {
    for (String name : names) {
      if (table.stream().noneMatch(f -> f.name().equals(name))) {
        throw new UserException(option + ": no feature named " + name);
      }
    }
    return StubBackend.mask(table, names);
  }
}
