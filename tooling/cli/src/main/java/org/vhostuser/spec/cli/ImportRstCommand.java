package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vhostuser.spec.rst.RegistryYaml;
import org.vhostuser.spec.rst.RstDocument;
import org.vhostuser.spec.rst.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vhost-spec import-rst}: the facts of QEMU's vhost-user.rst as registry tables. */
@Command(name = "import-rst", mixinStandardHelpOptions = true,
    description = "Read a vhost-user.rst in QEMU's format and write its facts (message names,"
        + " ids, ioctls, payloads, previous names, protocol feature bits) as registry tables:"
        + " into DIR with --out, else as one YAML stream on standard output.")
final class ImportRstCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "Write front-end-messages.yaml,"
      + " back-end-messages.yaml and protocol-features.yaml into DIR (created if missing).")
  Path out;

  @Option(names = "--force", description = "Write into a DIR that is not empty, replacing"
      + " those three files.")
  boolean force;

  @Parameters(index = "0", paramLabel = "FILE", description = "The vhost-user.rst to read.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (out == null) {
      return importInto(null);
    }
    // With --force, any folder outside the repository's sources: only the tables are replaced.
    try (Outputs claimed = Outputs.claim(out, "--out", folder -> force,
        "pass --force to replace its tables")) {
      return importInto(out);
    }
  }

  private int importInto(Path out) throws IOException {
    Optional<RstDocument> document = RstInput.read(file, spec.commandLine().getErr(),
        "cannot import");
    if (document.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    RstDocument doc = document.get();
    if (out == null) {
      spec.commandLine().getOut().print(RegistryYaml.stream(doc));
      return ExitCodes.OK;
    }
    TableWriter.write(out, RegistryYaml.tables(doc));
    spec.commandLine().getOut().println(out + ": " + doc.frontEnd().size()
        + " front-end messages, " + doc.backEnd().size() + " back-end messages, "
        + doc.features().size() + " protocol features imported from " + file);
    return ExitCodes.OK;
  }
}
