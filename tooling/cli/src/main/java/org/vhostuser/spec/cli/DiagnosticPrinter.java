package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.JsonWriter;
import org.vhostuser.spec.registry.Severity;

/** Prints diagnostics as compiler-style text (with the source line and a caret) or as JSON. */
final class DiagnosticPrinter {
  private final Map<Path, List<String>> linesByFile = new HashMap<>();

  /** {@code path:line:col: error: message [code]}, the source line and a caret, for each. */
  void printText(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics) {
      err.println(d.format());
      String line = sourceLine(d.file(), d.line());
      if (line != null && !line.isBlank()) {
        err.println("  " + line);
        err.println("  " + " ".repeat(Math.max(0, d.column() - 1)) + "^");
      }
    }
  }

  /** One JSON document with every diagnostic and the counts. */
  static String json(List<Diagnostic> diagnostics) {
    JsonWriter json = new JsonWriter().beginObject();
    json.name("errors").value(count(diagnostics, Severity.ERROR));
    json.name("warnings").value(count(diagnostics, Severity.WARNING));
    json.name("diagnostics").beginArray();
    for (Diagnostic d : diagnostics) {
      json.beginObject()
          .name("file").value(d.file().toString())
          .name("line").value((long) d.line())
          .name("column").value((long) d.column())
          .name("severity").value(d.severity().label())
          .name("code").value(d.code().id())
          .name("message").value(d.message())
          .endObject();
    }
    return json.endArray().endObject().toString();
  }

  /** How many diagnostics have this severity. */
  static long count(List<Diagnostic> diagnostics, Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  private String sourceLine(Path file, int line) {
    List<String> lines = linesByFile.computeIfAbsent(file, DiagnosticPrinter::readLines);
    return line >= 1 && line <= lines.size() ? lines.get(line - 1).stripTrailing() : null;
  }

  private static List<String> readLines(Path file) {
    try {
      if (Files.isRegularFile(file) && Files.size(file) < 4L * 1024 * 1024) {
        return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
      }
    } catch (IOException e) {
      // the diagnostic itself already says the file cannot be read
    }
    return List.of();
  }
}
