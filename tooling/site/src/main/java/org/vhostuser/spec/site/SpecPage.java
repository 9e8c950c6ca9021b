package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vhostuser.spec.asciidoc.SpecAssembly;
import org.vhostuser.spec.asciidoc.SpecParts;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.registry.Registry;

/**
 * The HTML of the specification, rendered chapter by chapter: a chapter whose inputs are
 * unchanged comes from the {@link ChapterCache}, the others are rendered (on both cores when
 * there are several) and all are joined into the HTML of one whole render. A specification that
 * cannot be split is rendered whole. The renderer is asked for only when something must be
 * rendered, so a caller may still be starting it.
 */
final class SpecPage {
  /** Render threads: the machines this runs on have two cores or more. */
  private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

  /** The specification's HTML, its problems, and which chapter each stretch of it came from. */
  record Rendered(String html, List<String> problems, List<SpecParts.Part> parts,
      List<Integer> partStarts, int rendered) {
    Rendered {
      problems = List.copyOf(problems);
      parts = List.copyOf(parts);
      partStarts = List.copyOf(partStarts);
    }

    /** The part whose HTML holds offset {@code offset} of {@link #html}, if split. */
    Optional<SpecParts.Part> partAt(int offset) {
      if (parts.isEmpty()) {
        return Optional.empty();
      }
      int index = Collections.binarySearch(partStarts, offset);
      return Optional.of(parts.get(index >= 0 ? index : Math.max(0, -index - 2)));
    }
  }

  private SpecPage() {}

  static Rendered render(Supplier<SpecRenderer> renderer, Registry registry, Path indexFile,
      ChapterCache cache) throws IOException {
    Optional<List<SpecParts.Part>> split = SpecParts.split(indexFile);
    if (split.isEmpty()) {
      renderer.get().showReleases(cache.releases());
      SpecRenderer.Rendered whole = renderer.get().render(indexFile, registry);
      return new Rendered(whole.html(), whole.problems(), List.of(), List.of(), 1);
    }
    List<SpecParts.Part> parts = split.get();
    List<String> keys = new ArrayList<>();
    List<SpecAssembly.Piece> rendered = new ArrayList<>();
    List<SpecParts.Part> missing = new ArrayList<>();
    for (SpecParts.Part part : parts) {
      String key = cache.key(part);
      keys.add(key);
      SpecAssembly.Piece cached = cache.get(key);
      rendered.add(cached);
      if (cached == null) {
        missing.add(part);
      }
    }
    if (!missing.isEmpty()) {
      renderer.get().showReleases(cache.releases());
      List<SpecRenderer.RenderedPart> fresh =
          renderer.get().renderParts(indexFile, missing, registry, THREADS);
      for (int i = 0, next = 0; i < parts.size(); i++) {
        if (rendered.get(i) == null) {
          rendered.set(i, SpecAssembly.piece(fresh.get(next++)));
          cache.put(keys.get(i), rendered.get(i));
        }
      }
    }
    cache.retain(keys);
    SpecAssembly.Assembled joined = SpecAssembly.joinPieces(parts, rendered);
    List<String> problems = new ArrayList<>();
    rendered.forEach(piece -> problems.addAll(piece.part().problems()));
    problems.addAll(joined.problems());
    return new Rendered(joined.html(), problems, parts, joined.partStarts(), missing.size());
  }

  /**
   * Where the source of a link to {@code target} in {@code part} is: the first line of the part's
   * file (or what it includes) that names the anchor, else the file alone.
   */
  static String locate(SpecParts.Part part, String target) {
    String anchor = target.startsWith("#") ? target.substring(1) : target;
    for (Path file : part.inputs().isEmpty() ? List.of(part.source()) : part.inputs()) {
      try {
        List<String> lines = SiteInputs.text(file, file.toAbsolutePath().getParent()).lines()
            .toList();
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.contains("<<" + anchor) || line.contains("xref:" + anchor)
              || line.contains("#" + anchor)) {
            return file + ":" + (i + 1);
          }
        }
      } catch (IOException e) {
        // the render read it a moment ago; without it the file alone is named
      }
    }
    return part.source().toString();
  }
}
