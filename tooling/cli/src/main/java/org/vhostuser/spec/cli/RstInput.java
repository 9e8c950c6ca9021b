package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vhostuser.spec.registry.load.InputFiles;
import org.vhostuser.spec.rst.RstDocument;
import org.vhostuser.spec.rst.RstReader;

/** Reads the vhost-user.rst named on a command line, for import-rst and compare-rst. */
final class RstInput {
  private RstInput() {}

  /**
   * The document's facts, or empty after printing its diagnostics. A missing or unreadable file
   * is a one-line user error (exit 2).
   */
  static Optional<RstDocument> read(Path file, PrintWriter err, String refusal) {
    if (!Files.exists(file)) {
      throw new UserException("no file at " + file);
    }
    if (Files.isDirectory(file)) {
      throw new UserException(file + " is a folder; give the vhost-user.rst file");
    }
    RstReader.Result result;
    try {
      result = RstReader.read(file);
    } catch (InputFiles.Refused e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    } catch (AccessDeniedException e) {
      throw new UserException("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
    if (result.hasErrors()) {
      new DiagnosticPrinter().printText(result.diagnostics(), err);
      err.println("vhost-spec: " + refusal + ": " + file + " cannot be read as a vhost-user.rst");
      return Optional.empty();
    }
    return result.document();
  }
}
