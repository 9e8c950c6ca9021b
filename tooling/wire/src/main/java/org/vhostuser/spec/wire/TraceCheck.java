package org.vhostuser.spec.wire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vhostuser.spec.registry.Registry;

/** {@code trace check}: each transcript file read and checked as one connection. */
public final class TraceCheck {
  private TraceCheck() {}

  /** What one file gave: its findings, the lines that could not be read, and its length. */
  public record FileResult(Path file, int messages, List<Finding> findings,
      List<Transcript.Problem> problems) {
    public FileResult {
      findings = List.copyOf(findings);
      problems = List.copyOf(problems);
    }
  }

  /** Checks every file against the registry, applying the quirks of the named implementations. */
  public static List<FileResult> run(Registry registry, List<Path> files,
      Map<String, String> implementations) throws IOException {
    List<FileResult> results = new ArrayList<>();
    for (Path file : files) {
      Transcript.Contents contents = Transcript.read(file);
      Checker checker = new Checker(registry, implementations);
      for (WireMessage m : contents.messages()) {
        checker.accept(m);
      }
      checker.finish();
      results.add(new FileResult(file, contents.messages().size(), checker.findings(),
          contents.problems()));
    }
    return results;
  }

  /** True when any file has an error finding or a line that could not be read. */
  public static boolean failed(List<FileResult> results, boolean strict) {
    return results.stream().anyMatch(r -> !r.problems().isEmpty() || r.findings().stream()
        .anyMatch(f -> f.level() == Finding.Level.ERROR
            || (strict && f.level() == Finding.Level.WARNING)));
  }
}
