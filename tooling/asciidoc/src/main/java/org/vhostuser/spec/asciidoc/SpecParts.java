package org.vhostuser.spec.asciidoc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * Splits the specification's index into parts that render as separate Asciidoctor documents: one
 * per top-level {@code include::} (a chapter) and one per run of other text (the preface). Each
 * part's document is the index itself with every line of the other parts blanked, so it keeps the
 * index's header attributes and every line number of a warning stays right. A specification whose
 * chapters share state across documents (footnotes, attribute entries) is not split.
 */
public final class SpecParts {
  private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[.*\\]\\s*$");
  private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile("^:!?[\\w-]+!?:");

  /**
   * One part: {@code name} is the included file (or the index for its own text), {@code text} the
   * document to render, {@code inputs} every file the part reads (the included file and what it
   * includes in turn), {@code first} whether the part shows the document title.
   */
  public record Part(String name, Path source, String text, List<Path> inputs, boolean first) {
    public Part {
      inputs = List.copyOf(inputs);
    }
  }

  private SpecParts() {}

  /** The parts of {@code indexFile}, or empty when it must be rendered as one document. */
  public static Optional<List<Part>> split(Path indexFile) throws IOException {
    try {
      return splitParts(indexFile);
    } catch (InvalidPathException e) {
      return Optional.empty(); // an include names no possible file: the render reports it
    }
  }

  private static Optional<List<Part>> splitParts(Path indexFile) throws IOException {
    Path folder = indexFile.toAbsolutePath().getParent();
    List<String> lines = lines(indexFile, folder);
    int header = lines.indexOf("");
    if (lines.isEmpty() || !lines.get(0).startsWith("= ") || header < 0) {
      return Optional.empty();
    }
    // Each body line belongs to a part: an include line is a part of its own, and the other
    // lines between two includes form one part.
    List<int[]> ranges = new ArrayList<>();
    int start = -1;
    for (int i = header; i < lines.size(); i++) {
      boolean include = INCLUDE.matcher(lines.get(i)).matches();
      if (include) {
        if (start >= 0) {
          ranges.add(new int[] {start, i});
          start = -1;
        }
        ranges.add(new int[] {i, i + 1});
      } else if (start < 0 && !lines.get(i).isBlank()) {
        start = i;
      }
    }
    if (start >= 0) {
      ranges.add(new int[] {start, lines.size()});
    }
    List<Part> parts = new ArrayList<>();
    for (int[] range : ranges) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        boolean kept = i < header || (i >= range[0] && i < range[1]);
        text.append(kept ? lines.get(i) : "").append('\n');
      }
      Matcher include = INCLUDE.matcher(lines.get(range[0]));
      Set<Path> inputs = new LinkedHashSet<>();
      Path source = indexFile;
      String name = indexFile.getFileName().toString();
      if (include.matches()) {
        source = folder.resolve(include.group(1));
        name = include.group(1);
        if (!collect(source, folder, inputs)) {
          return Optional.empty();
        }
      } else if (String.join("\n", lines.subList(range[0], range[1])).contains("footnote:")) {
        return Optional.empty();
      }
      parts.add(new Part(name, source, text.toString(), List.copyOf(inputs), parts.isEmpty()));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(parts);
  }

  /**
   * Adds {@code file} and what it includes to {@code inputs}; false when the file cannot be
   * rendered on its own: it sets attributes or has footnotes (both span the whole document) or
   * includes a file whose name needs an attribute.
   */
  private static boolean collect(Path file, Path folder, Set<Path> inputs) throws IOException {
    if (!inputs.add(file) || !Files.isRegularFile(file)) {
      return true; // a missing include is reported by the render itself
    }
    List<String> lines;
    try {
      lines = lines(file, folder);
    } catch (InputFiles.Refused e) {
      return true; // so is an include the render refuses to read
    }
    for (String line : lines) {
      if (ATTRIBUTE_ENTRY.matcher(line).find() || line.contains("footnote:")) {
        return false;
      }
      Matcher include = INCLUDE.matcher(line);
      if (include.matches()) {
        if (include.group(1).contains("{")) {
          return false;
        }
        if (!collect(file.resolveSibling(include.group(1)).normalize(), folder, inputs)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The lines of a prose file inside {@code folder}, read within the renderer's bounds. */
  private static List<String> lines(Path file, Path folder) throws IOException {
    byte[] bytes = InputFiles.read(file, folder, ContainedIncludes.MAX_BYTES, "prose files");
    return new String(bytes, StandardCharsets.UTF_8).lines().toList();
  }
}
