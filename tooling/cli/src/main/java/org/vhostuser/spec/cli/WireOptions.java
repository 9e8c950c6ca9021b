package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vhostuser.spec.registry.Quirk;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;
import org.vhostuser.spec.wire.Reports;
import org.vhostuser.spec.wire.Session;
import org.vhostuser.spec.wire.WireException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every wire command shares: the registry, the implementations whose recorded quirks
 * apply, and where the spec's rules are linked.
 */
final class WireOptions {
  @Mixin RegistryOption registryOption;

  @Option(names = "--implementation", paramLabel = "NAME@VERSION",
      description = "An implementation in the traffic (for example qemu@10.0 or"
          + " libvhost-user@10.0): its quirks recorded in quirks.yaml become notes instead of"
          + " errors. Repeatable.")
  List<String> implementations = List.of();

  @Option(names = "--spec-url", paramLabel = "URL", description = "The specification page"
      + " findings link to, as URL#rule-ID (default: build/site/index.html of this repository).")
  String specUrl;

  /** The implementations by name, or a usage error for a malformed one. */
  Map<String, String> implementations() {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String item : implementations) {
      int at = item.indexOf('@');
      String name = at < 0 ? item : item.substring(0, at);
      String version = at < 0 ? "" : item.substring(at + 1);
      if (!name.matches("[a-z][a-z0-9-]*") || !Quirk.Versions.valid(version)) {
        throw new UserException("--implementation takes NAME@VERSION, for example qemu@10.0;"
            + " found '" + item + "'");
      }
      byName.put(name, version);
    }
    return byName;
  }

  /** The link base of findings. */
  String specUrl() {
    if (specUrl != null) {
      return specUrl;
    }
    return registryOption.repositoryRoot().resolve("build/site/index.html").toUri().toString();
  }

  /**
   * Ends a session that a peer or the environment stopped: keeps what was recorded (nothing
   * when no message came), prints the one-line reason, and for a peer problem the findings and
   * summary. Returns the exit code: 2 for the environment, 1 for the peer.
   */
  int stopped(Session session, WireException e, PrintWriter out, PrintWriter err,
      boolean printFindings, String label) throws IOException {
    if (session.messages() == 0) {
      session.discard();
    } else {
      session.close();
    }
    err.println("vhost-spec: " + e.getMessage());
    if (e.kind() == WireException.Kind.ENVIRONMENT) {
      return ExitCodes.USAGE;
    }
    summary(session, out, printFindings, label, null);
    return ExitCodes.PROBLEMS;
  }

  /**
   * Ends a session that ran its course: moves the transcript into place, prints the findings
   * (when they were not printed live), {@code closing} and the summary with the rules broken.
   */
  int finished(Session session, PrintWriter out, boolean printFindings, String label,
      String closing) throws IOException {
    session.close();
    summary(session, out, printFindings, label, closing);
    return session.failed() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private void summary(Session session, PrintWriter out, boolean printFindings, String label,
      String closing) {
    if (printFindings) {
      session.findings().forEach(f -> out.println(Reports.line(label, f)));
    }
    if (closing != null) {
      out.println(closing);
    }
    out.print(session.summary(specUrl()));
    out.flush();
  }

  /**
   * The valid registry with wire rules, or empty after printing why not; first refuses a
   * {@code transcript} (--out, may be null) where outputs may not go.
   */
  Optional<Registry> registry(PrintWriter err, Path transcript) {
    if (transcript != null) {
      Outputs.checkFile(transcript, "--out", registryOption.repositoryRoot());
    }
    return registry(err);
  }

  /** The valid registry with wire rules, or empty after printing why not. */
  Optional<Registry> registry(PrintWriter err) {
    Path folder = registryOption.folder();
    Optional<RegistryValidator.Checked> checked =
        ValidRegistry.load(folder, err, "cannot check traffic");
    if (checked.isEmpty()) {
      return Optional.empty();
    }
    Registry registry = checked.get().registry();
    if (!registry.wire().present()) {
      throw new UserException(folder + " has no wire-rules.yaml; the wire checks need it");
    }
    return Optional.of(registry);
  }
}
