package org.vhostuser.spec.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.generate.Provenance;
import org.vhostuser.spec.generate.Provenances;
import org.vhostuser.spec.registry.Registry;

/**
 * Builds the static site into a fresh folder beside the output and swaps it in only when the
 * render and the link check found no problem, so a failed build never leaves a half-written
 * site. An unchanged set of inputs is detected from a hash without starting AsciidoctorJ.
 */
public final class SiteBuilder {
  static final String HASH_FILE = ".inputs-sha256";

  /** Where the inputs are and where the site goes. */
  public record Layout(Path root, Path spec, Path site, Path out) {
    /** The usual layout of a checkout rooted at {@code root}, writing to {@code out}. */
    public static Layout of(Path root, Path out) {
      return new Layout(root, root.resolve("spec"), root.resolve("site"), out);
    }
  }

  /** The outcome of a build: the pages written, or the problems that stopped it. */
  public record Result(List<String> pages, List<String> problems) {
    public Result {
      pages = List.copyOf(pages);
      problems = List.copyOf(problems);
    }
  }

  private final Layout layout;
  private final String toolVersion;

  public SiteBuilder(Layout layout, String toolVersion) {
    this.layout = layout;
    this.toolVersion = toolVersion;
  }

  /** True when the output was built from exactly the current inputs; nothing to do then. */
  public boolean isUpToDate() throws IOException {
    Path recorded = layout.out().resolve(HASH_FILE);
    return Files.isRegularFile(recorded)
        && Files.readString(recorded).strip().equals(inputHash());
  }

  /** Renders the site with {@code renderer} (one per process) from a validated registry. */
  public Result build(SpecRenderer renderer, Registry registry) throws IOException {
    String hash = inputHash();
    Path parent = layout.out().toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + layout.out().getFileName() + ".new-");
    try {
      Result result = write(renderer, registry, staging);
      if (!result.problems().isEmpty()) {
        return result;
      }
      Files.writeString(staging.resolve(HASH_FILE), hash + "\n");
      swap(staging);
      return result;
    } finally {
      deleteTree(staging);
    }
  }

  private Result write(SpecRenderer renderer, Registry registry, Path out) throws IOException {
    Optional<Revision> revision = Revision.of(layout.root());
    PageTemplate template = new PageTemplate(layout.site(), Revision.footer(revision));
    SpecRenderer.Rendered spec = renderer.render(layout.spec().resolve("index.adoc"), registry);
    List<String> problems = new ArrayList<>(spec.problems());

    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("index.html", template.page("spec", "Specification",
        Toc.of(spec.html()) + "<div class=\"spec-body\">\n" + spec.html() + "</div>"));
    IndexPages index = new IndexPages(registry);
    pages.put("messages.html", template.page("index", "Messages", index.messages()));
    pages.put("features.html", template.page("index", "Features", index.features()));
    pages.put("payloads.html", template.page("index", "Payloads", index.payloads()));
    Provenance provenance = new Provenance(revision.map(Revision::commit).orElse("unknown"),
        Provenances.of(layout.spec().resolve("registry")).contentSha256());
    pages.put("downloads.html", template.page("downloads", "Downloads",
        Downloads.write(registry, provenance, layout.spec(), out)));
    MarkdownPages markdown = new MarkdownPages();
    Map<String, Path> documents = Map.of(
        "readme.html", layout.root().resolve("README.md"),
        "contributing.html", layout.root().resolve("CONTRIBUTING.md"),
        "benchmarks.html", layout.root().resolve("tooling/BENCHMARKS.md"),
        "registry-format.html", layout.spec().resolve("registry/README.md"));
    for (var document : new java.util.TreeMap<>(documents).entrySet()) {
      if (Files.isRegularFile(document.getValue())) {
        String text = Files.readString(document.getValue(), StandardCharsets.UTF_8);
        pages.put(document.getKey(), template.page("document", title(text),
            markdown.render(text.replace("](spec/registry/README.md)", "](registry-format.html)"))));
      }
    }
    Path maintainers = layout.root().resolve("MAINTAINERS");
    if (Files.isRegularFile(maintainers)) {
      pages.put("maintainers.html", template.page("document", "Maintainers",
          MarkdownPages.preformatted("Maintainers", Files.readString(maintainers))));
    }

    Path assets = Files.createDirectories(out.resolve("assets"));
    try (Stream<Path> files = Files.list(layout.site().resolve("assets"))) {
      for (Path file : files.toList()) {
        Files.copy(file, assets.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(assets.resolve("search-index.js"),
        SearchIndex.script(SearchIndex.entries(registry, spec.html())));
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Files.writeString(out.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
    problems.addAll(LinkChecker.check(pages, otherFiles(out)));
    return new Result(List.copyOf(pages.keySet()), problems);
  }

  private String inputHash() throws IOException {
    String revision = Provenances.revisionOf(layout.root()).orElse("no-git");
    return InputHash.of(List.of(layout.spec(), layout.site(), layout.root().resolve("README.md"),
        layout.root().resolve("CONTRIBUTING.md"), layout.root().resolve("MAINTAINERS"),
        layout.root().resolve("tooling/BENCHMARKS.md")), toolVersion + "\n" + revision);
  }

  private void swap(Path staging) throws IOException {
    Path out = layout.out();
    Path old = null;
    if (Files.exists(out)) {
      old = out.resolveSibling("." + out.getFileName() + ".old-" + System.nanoTime());
      Files.move(out, old);
    }
    Files.move(staging, out);
    if (old != null) {
      deleteTree(old);
    }
  }

  private static Set<String> otherFiles(Path out) throws IOException {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(out)) {
      walk.filter(Files::isRegularFile).forEach(f -> files.add(out.relativize(f).toString()));
    }
    return files;
  }

  private static String title(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("# ")).findFirst()
        .map(l -> l.substring(2).strip()).orElse("Document");
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
