package org.vhostuser.spec.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.JsonWriter;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.load.InputFiles;

/** Prints diagnostics as compiler-style text (with the source line and a caret) or as JSON. */
final class DiagnosticPrinter {
  /** Source lines longer than this are cut when shown. */
  private static final int MAX_SHOWN = 240;

  private final Map<Path, List<String>> linesByFile = new HashMap<>();

  /** {@code path:line:col: error: message [code]}, the source line and a caret, for each. */
  void printText(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics) {
      err.println(printable(d.format()));
      String line = sourceLine(d.file(), d.line());
      if (line != null && !line.isBlank() && d.column() <= MAX_SHOWN) {
        err.println("  " + printable(line.length() > MAX_SHOWN
            ? line.substring(0, MAX_SHOWN) + "..." : line));
        err.println("  " + " ".repeat(Math.max(0, d.column() - 1)) + "^");
      }
    }
  }

  /**
   * {@code text} with control characters shown in caret notation ({@code ^[} for escape), so
   * that no input can move the cursor, change colours or hide text on the reader's terminal.
   */
  static String printable(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t') {
        shown.append('^').append((char) (c + 0x40));
      } else if (c == 0x7f) {
        shown.append("^?");
      } else if (c >= 0x80 && c < 0xa0) {
        shown.append('?');
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
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

  /**
   * The lines of a file a diagnostic names, read as inputs are (see {@link InputFiles}): a file
   * that may not be read shows no source line, so a symbolic link to a secret never prints it.
   */
  private static List<String> readLines(Path file) {
    try {
      Path folder = file.toAbsolutePath().normalize().getParent();
      byte[] bytes = InputFiles.read(file, folder == null ? file : folder, 4L * 1024 * 1024,
          "shown files");
      return List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
    } catch (InputFiles.Refused e) {
      return List.of(); // the diagnostic itself says why the file is not read
    }
  }
}
