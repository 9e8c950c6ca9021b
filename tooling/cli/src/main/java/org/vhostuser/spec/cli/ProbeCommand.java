package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.wire.Probe;
import org.vhostuser.spec.wire.Session;
import org.vhostuser.spec.wire.WireException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec probe}: drives a back-end as a front-end would and checks its answers. */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = "Drive a vhost-user back-end through the handshake, a memory table in shared"
        + " memory, one ring with kick and call notifiers and (--device blk) one virtio-blk read;"
        + " report what it offers and supports and every reply that breaks a rule.")
final class ProbeCommand implements Callable<Integer> {
  /** The devices the probe can drive. */
  enum DeviceOption { generic, blk }

  @Mixin WireOptions wire;

  @Option(names = "--backend", required = true, paramLabel = "SOCKET",
      description = "The back-end's listening socket.")
  Path backend;

  @Option(names = "--device", paramLabel = "TYPE", defaultValue = "generic",
      description = "What to do with the ring: ${COMPLETION-CANDIDATES} (blk reads sector 0;"
          + " default: ${DEFAULT-VALUE}).")
  DeviceOption device;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the transcript.")
  Path out;

  @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000",
      description = "How long to wait for each reply and for the read (default: ${DEFAULT-VALUE}).")
  int timeoutMs;

  @Option(names = "--verbose", description = "Print every message as it passes.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var implementations = wire.implementations();
    if (timeoutMs < 1) {
      throw new UserException("--timeout takes a number of milliseconds of at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter text = spec.commandLine().getOut();
    Optional<Registry> registry = wire.registry(err, out);
    if (registry.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    Session session = new Session(registry.get(), implementations, out, verbose ? text : null);
    Probe.Result result;
    try {
      result = Probe.run(registry.get(), session, backend,
          device == DeviceOption.blk ? Probe.Device.BLK : Probe.Device.GENERIC, timeoutMs);
    } catch (WireException e) {
      return wire.stopped(session, e, text, err, !verbose, label());
    }
    text.println("back-end " + backend);
    text.println("  virtio features offered: " + String.join(", ", result.virtioOffered()));
    text.println("  protocol features offered: " + (result.protocolOffered().isEmpty() ? "none"
        : String.join(", ", result.protocolOffered())));
    text.println("  optional messages offered: " + String.join(", ",
        Probe.enabledBy(registry.get(), result.protocolOffered())));
    text.println("  optional messages answered: " + (result.supported().isEmpty() ? "none"
        : String.join(", ", result.supported())));
    result.observations().forEach(o -> text.println("  " + o));
    int code = wire.finished(session, text, !verbose, label(), null);
    return result.readOk() ? code : ExitCodes.PROBLEMS;
  }

  private String label() {
    return out == null ? "probe" : out.toString();
  }
}
