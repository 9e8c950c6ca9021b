package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Severity;

/**
 * The site build's problems (AsciiDoc warnings, references the render could not resolve, links
 * to missing pages or anchors) as diagnostics in the one format every command prints:
 * {@code file:line:col: error: message [code]}.
 */
final class RenderProblems {
  private static final Pattern AT_LINE = Pattern.compile("(?s)^(.+?):(\\d+): (.*)$");
  private static final Pattern AT_FILE = Pattern.compile("(?s)^([^\\s:]+\\.[A-Za-z]+): (.*)$");
  private static final Pattern REFERENCE =
      Pattern.compile("possible invalid reference: (\\S+)");

  private RenderProblems() {}

  /** Each problem as a diagnostic; one without a place is given {@code fallback}'s. */
  static List<Diagnostic> of(List<String> problems, Path fallback) {
    return problems.stream().map(p -> of(p, fallback)).sorted().distinct().toList();
  }

  static Diagnostic of(String problem, Path fallback) {
    Path file = fallback;
    int line = 1;
    String message = problem;
    Matcher atLine = AT_LINE.matcher(problem);
    Matcher atFile = AT_FILE.matcher(problem);
    if (atLine.matches()) {
      file = Path.of(atLine.group(1));
      line = Integer.parseInt(atLine.group(2));
      message = atLine.group(3);
    } else if (atFile.matches()) {
      file = Path.of(atFile.group(1));
      message = atFile.group(2);
    }
    Code code = Code.RENDER_WARNING;
    int column = 1;
    Matcher reference = REFERENCE.matcher(message);
    if (reference.find()) {
      code = Code.PROSE_BROKEN_XREF;
      column = columnOf(file, line, reference.group(1));
    } else if (message.startsWith("link to missing")) {
      code = Code.RENDER_BROKEN_LINK;
      column = columnOf(file, line, message.substring(message.lastIndexOf(' ') + 1)
          .replaceFirst("^[^#]*#", ""));
    }
    return new Diagnostic(Severity.ERROR, file, line, column, code, message.strip());
  }

  /** Where {@code anchor} is named on that line of the file, or 1. */
  private static int columnOf(Path file, int line, String anchor) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (line >= 1 && line <= lines.size()) {
        String text = lines.get(line - 1);
        for (String form : new String[] {"<<" + anchor, "xref:" + anchor, "#" + anchor}) {
          int at = text.indexOf(form);
          if (at >= 0) {
            return at + 1;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // a rendered page or a file that is gone: the line alone is known
    }
    return 1;
  }
}
