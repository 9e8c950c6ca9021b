package org.vhostuser.spec.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.vhostuser.spec.asciidoc.SpecParts;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.generate.Provenance;
import org.vhostuser.spec.generate.Provenances;
import org.vhostuser.spec.history.Changelog;
import org.vhostuser.spec.history.Releases;
import org.vhostuser.spec.registry.Registry;

/**
 * Builds the static site into a fresh folder beside the output and swaps it in only when the
 * render and the link check found no problem, so a failed build never leaves a half-written
 * site. An unchanged set of inputs is detected from a hash without starting AsciidoctorJ. Each
 * text file gets its gzip copy beside it ({@link Compressed}), as GitLab Pages serves them
 * (except in a {@linkplain #preview preview}).
 *
 * <p>One builder remembers the chapters it rendered and what its latest build wrote, so the
 * preview can {@linkplain #update update} the site after a chapter changed: only the changed
 * chapters are rendered, only the specification page is link-checked (against the anchors of
 * the other pages, remembered), and only the specification page, the search index and the
 * input hash are replaced, each file atomically.
 */
public final class SiteBuilder {
  static final String HASH_FILE = ".inputs-sha256";
  private static final String SPEC_BODY = "<div class=\"spec-body\">\n";
  private static final String TITLE_END = "</h1>\n";

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

  /** What the latest build wrote, as far as an update of the specification page needs it. */
  private record Written(String hash, String otherInputs, PageTemplate template,
      Map<String, Set<String>> ids, Set<String> otherFiles, String searchIndex) {}

  /** The outcome of writing one version of the site into a folder. */
  private record Version(Result result, PageTemplate template, SpecPage.Rendered spec,
      String searchIndex) {}

  private final Layout layout;
  private final String toolVersion;
  private ChapterCache chapters;
  private Optional<Path> chapterFolder = Optional.empty();
  private boolean reuseStoredChapters;
  private Written written;
  private int renderedChapters;
  private Changelog changelog;
  private boolean preview;

  public SiteBuilder(Layout layout, String toolVersion) {
    this.layout = layout;
    this.toolVersion = toolVersion;
  }

  /**
   * Keeps rendered chapters in {@code folder} between processes: a build renders only the
   * chapters whose inputs changed since they were stored (all of them without {@code reuse},
   * which still refreshes the folder).
   */
  public SiteBuilder keepChapters(Path folder, boolean reuse) {
    this.chapterFolder = Optional.of(folder);
    this.reuseStoredChapters = reuse;
    this.chapters = null;
    return this;
  }

  /**
   * Marks every page as a preview of the working tree (for {@code serve}): its footer says so
   * instead of naming the revision as if the page showed it. A preview has no gzip copies (its
   * server compresses what it sends, see {@link SiteServer}), which keeps a re-render short.
   */
  public SiteBuilder preview() {
    this.preview = true;
    return this;
  }

  /**
   * False when every chapter of the specification can come from the chapters kept before, so
   * a build needs no renderer; a caller then need not start one.
   */
  public boolean needsRenderer(boolean releases) throws IOException {
    Path index = layout.spec().resolve("index.adoc");
    if (releases || !Files.isRegularFile(index)) {
      return true;
    }
    Optional<List<SpecParts.Part>> parts =
        SpecParts.split(index);
    if (parts.isEmpty()) {
      return true;
    }
    ChapterCache cache = chapters();
    for (SpecParts.Part part : parts.get()) {
      if (cache.get(cache.key(part)) == null) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code out} holds a site this builder wrote, from whatever inputs. */
  public static boolean holdsSite(Path out) {
    return Files.isRegularFile(out.resolve(HASH_FILE));
  }

  /** True when the output was built from exactly the current inputs; nothing to do then. */
  public boolean isUpToDate() throws IOException {
    return isUpToDate(false);
  }

  /** As {@link #isUpToDate()}, for a build with or without the release snapshots. */
  public boolean isUpToDate(boolean releases) throws IOException {
    Path recorded = layout.out().resolve(HASH_FILE);
    return Files.isRegularFile(recorded)
        && Files.readString(recorded).strip().equals(hash(releases));
  }

  private String hash(boolean releases) throws IOException {
    if (!releases) {
      return inputHash();
    }
    StringBuilder tags = new StringBuilder();
    for (ReleaseSnapshots.Release release : ReleaseSnapshots.releases(layout.root())) {
      tags.append(release.tag()).append('=').append(release.commit().getName()).append(';');
    }
    return inputHash() + "+releases:" + tags;
  }

  /** Renders the site with {@code renderer} (one per process) from a validated registry. */
  public Result build(SpecRenderer renderer, Registry registry) throws IOException {
    return build(() -> renderer, registry, false);
  }

  /** As {@link #build(Supplier, Registry, boolean)} with a renderer already started. */
  public Result build(SpecRenderer renderer, Registry registry, boolean releases)
      throws IOException {
    return build(() -> renderer, registry, releases);
  }

  /**
   * Renders the site and, with {@code releases}, every release tag into
   * {@code releases/TAG/}, each page with a version switcher, so a link into a release never
   * changes. Release inputs are read from git objects; the working tree is not touched.
   */
  public Result build(Supplier<SpecRenderer> renderer, Registry registry, boolean releases)
      throws IOException {
    String hash = hash(releases);
    String otherInputs = otherInputsHash();
    written = null;
    Path parent = layout.out().toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + layout.out().getFileName() + ".new-");
    try {
      List<ReleaseSnapshots.Release> tags =
          releases ? ReleaseSnapshots.releases(layout.root()) : List.of();
      Version main = write(renderer, registry, staging, layout, Revision.of(layout.root()),
          new Versions(tags, null, ""), chapters(), changelog());
      Result result = main.result();
      renderedChapters = main.spec().rendered();
      List<String> pages = new ArrayList<>(result.pages());
      List<String> problems = new ArrayList<>(result.problems());
      for (ReleaseSnapshots.Release tag : tags) {
        Result release = writeRelease(renderer, tag, tags, staging);
        release.pages().forEach(p -> pages.add("releases/" + tag.tag() + "/" + p));
        problems.addAll(release.problems());
      }
      if (!tags.isEmpty()) {
        Versions.pointAtExistingPages(staging, pages);
      }
      Map<String, String> html = readPages(staging, pages);
      Map<String, Set<String>> ids = LinkChecker.ids(html);
      Set<String> otherFiles = otherFiles(staging);
      problems.addAll(LinkChecker.check(html, ids, otherFiles, locator(main.spec(), html.get("index.html"))));
      result = new Result(pages, problems);
      if (!result.problems().isEmpty()) {
        return result;
      }
      if (!preview) {
        Compressed.writeBeside(staging);
      }
      Files.writeString(staging.resolve(HASH_FILE), hash + "\n");
      swap(staging);
      chapters.store();
      if (!releases) {
        written = new Written(hash, otherInputs, main.template(), ids, otherFiles,
            main.searchIndex());
      }
      return result;
    } finally {
      deleteTree(staging);
    }
  }

  /**
   * Updates the site the latest {@link #build} of this builder wrote after only chapters of the
   * specification changed: renders the changed chapters and replaces the specification page and
   * the search index. Empty when that is not enough (nothing built yet, the output changed
   * since, or any other input changed); then {@link #build} the whole site. With problems,
   * nothing is written.
   */
  public Optional<Result> update(Supplier<SpecRenderer> renderer, Registry registry)
      throws IOException {
    Path recorded = layout.out().resolve(HASH_FILE);
    if (written == null || !Files.isRegularFile(recorded)
        || !Files.readString(recorded).strip().equals(written.hash())
        || !otherInputsHash().equals(written.otherInputs())) {
      return Optional.empty();
    }
    String hash = hash(false);
    if (hash.equals(written.hash())) {
      return Optional.of(new Result(List.of(), List.of()));
    }
    SpecPage.Rendered spec = SpecPage.render(renderer, registry,
        layout.spec().resolve("index.adoc"), chapters());
    renderedChapters = spec.rendered();
    String page = specPage(written.template(), spec.html());
    String positions = positionsPage(written.template(), spec.html());
    Map<String, Set<String>> ids = new HashMap<>(written.ids());
    ids.put("index.html", LinkChecker.ids(page));
    ids.put("positions.html", LinkChecker.ids(positions));
    List<String> problems = new ArrayList<>(spec.problems());
    problems.addAll(LinkChecker.check(Map.of("index.html", page, "positions.html", positions),
        ids, written.otherFiles(), locator(spec, page)));
    if (!problems.isEmpty()) {
      return Optional.of(new Result(List.of("index.html"), problems));
    }
    replace(layout.out().resolve("positions.html"), positions);
    List<String> pages = new ArrayList<>();
    String search = SearchIndex.script(SearchIndex.entries(registry, spec.html()));
    if (!search.equals(written.searchIndex())) {
      replace(layout.out().resolve("assets/search-index.js"), search);
      pages.add("assets/search-index.js");
    }
    replace(layout.out().resolve("index.html"), page);
    pages.add(0, "index.html");
    replace(recorded, hash + "\n");
    chapters.store();
    written = new Written(hash, written.otherInputs(), written.template(), Map.copyOf(ids),
        written.otherFiles(), search);
    return Optional.of(new Result(pages, List.of()));
  }

  /** How many chapters the latest build or update rendered (the others came from the cache). */
  int renderedChapters() {
    return renderedChapters;
  }

  /** The chapters rendered before with this registry, or a fresh cache for it. */
  private ChapterCache chapters() throws IOException {
    ChapterCache fresh = ChapterCache.of(layout.spec().resolve("registry"), toolVersion,
        changelog().sinceByName(), chapterFolder, reuseStoredChapters);
    if (chapters == null || !chapters.sameSalt(fresh)) {
      chapters = fresh;
    }
    return chapters;
  }

  /** Places a broken link of the specification page in the chapter it was written in. */
  private static LinkChecker.Locator locator(SpecPage.Rendered spec, String page) {
    int body = page == null ? -1 : page.indexOf(SPEC_BODY);
    int title = titleEnd(spec.html());
    int start = body + SPEC_BODY.length();
    return (name, offset, target) -> {
      if (body < 0 || !name.equals("index.html") || offset < start) {
        return Optional.empty();
      }
      int inSpec = offset - start - SectionPlaceholders.added(page, start, offset) + title;
      return inSpec >= spec.html().length() ? Optional.empty()
          : spec.partAt(inSpec).map(part -> SpecPage.locate(part, target));
    };
  }

  private static String positionsPage(PageTemplate template, String specHtml) {
    return template.page("positions.html", "document", "Positions",
        PositionsPage.body(RenderedRules.of(specHtml)));
  }

  /**
   * The specification page: the document's title with the revision, the contents, then the
   * text (each section with its placeholder height, see {@link SectionPlaceholders}), so a
   * reader (or a printed first page) meets the title first.
   */
  private static String specPage(PageTemplate template, String specHtml) {
    int title = titleEnd(specHtml);
    return template.page("index.html", "spec", "Specification", "<div class=\"spec-head\">\n"
        + specHtml.substring(0, title) + "<p class=\"spec-revision\">" + template.revision()
        + "</p>\n</div>\n" + Toc.of(specHtml) + SPEC_BODY
        + SectionPlaceholders.mark(specHtml.substring(title)) + "</div>");
  }

  /** Where the document title that opens the specification's HTML ends (0 without one). */
  private static int titleEnd(String specHtml) {
    int end = specHtml.indexOf(TITLE_END);
    return specHtml.startsWith("<h1>") && end >= 0 ? end + TITLE_END.length() : 0;
  }

  /**
   * Replaces {@code file} (and its gzip copy) with {@code content} at once: a reader sees the
   * old or the new file.
   */
  private void replace(Path file, String content) throws IOException {
    Compressed.replace(file, content.getBytes(StandardCharsets.UTF_8), !preview);
  }

  private Result writeRelease(Supplier<SpecRenderer> renderer, ReleaseSnapshots.Release tag,
      List<ReleaseSnapshots.Release> tags, Path staging) throws IOException {
    Path inputs = Files.createTempDirectory("vhost-spec-release-");
    try {
      ReleaseSnapshots.extract(layout.root(), tag, inputs);
      Path out = Files.createDirectories(staging.resolve("releases").resolve(tag.tag()));
      var checked = org.vhostuser.spec.registry.validate.RegistryValidator
          .loadAndValidate(inputs.resolve("spec/registry"));
      if (checked.diagnostics().stream()
          .anyMatch(d -> d.severity() == org.vhostuser.spec.registry.Severity.ERROR)) {
        return new Result(List.of(), List.of("release " + tag.tag()
            + ": its registry does not validate with this toolchain"));
      }
      Layout release = new Layout(inputs, inputs.resolve("spec"), layout.site(), out);
      return write(renderer, checked.registry(), out, release,
          Optional.of(Revision.ofCommit(layout.root(), tag.commit(), tag.tag())),
          new Versions(tags, tag.tag(), "../../"),
          ChapterCache.of(inputs.resolve("spec/registry"), toolVersion,
              changelog().upTo(tag.tag()).sinceByName(), Optional.empty(), false),
          changelog().upTo(tag.tag()))
          .result();
    } finally {
      deleteTree(inputs);
    }
  }

  /**
   * Writes the pages of one version, from {@code inputs}, into {@code out}. The pages that need
   * no AsciiDoc come first, so they are written while the renderer may still be starting.
   */
  private Version write(Supplier<SpecRenderer> renderer, Registry registry, Path out,
      Layout inputs, Optional<Revision> revision, Versions versions, ChapterCache cache,
      Changelog releases) throws IOException {
    PageTemplate template = new PageTemplate(layout.site(),
        preview ? Revision.previewFooter(revision) : Revision.footer(revision), versions);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("index.html", null); // the specification, written last
    IndexPages index = new IndexPages(registry, releases.since());
    pages.put("messages.html", template.page("messages.html", "index", "Messages",
        index.messages()));
    pages.put("features.html", template.page("features.html", "index", "Features",
        index.features()));
    pages.put("payloads.html", template.page("payloads.html", "index", "Payloads",
        index.payloads()));
    pages.put("conformance.html", template.page("conformance.html", "document", "Conformance",
        ConformancePage.body(registry)));
    Provenance provenance = new Provenance(revision.map(Revision::commit).orElse("unknown"),
        Provenances.of(inputs.spec().resolve("registry")).contentSha256(), releases.since());
    pages.put("downloads.html", template.page("downloads.html", "downloads", "Downloads",
        Downloads.write(registry, provenance, inputs.spec(), out)));
    MarkdownPages markdown = new MarkdownPages();
    pages.put("changelog.html", template.page("changelog.html", "document", "Changelog",
        markdown.render(releases.markdown())));
    Map<String, Path> documents = Map.of(
        "readme.html", inputs.root().resolve("README.md"),
        "contributing.html", inputs.root().resolve("CONTRIBUTING.md"),
        "benchmarks.html", inputs.root().resolve("tooling/BENCHMARKS.md"),
        "registry-format.html", inputs.spec().resolve("registry/README.md"));
    for (var document : new java.util.TreeMap<>(documents).entrySet()) {
      if (Files.exists(document.getValue(), LinkOption.NOFOLLOW_LINKS)) {
        String text = SiteInputs.text(document.getValue(), inputs.root());
        pages.put(document.getKey(), template.page(document.getKey(), "document", title(text),
            markdown.render(text.replace("](spec/registry/README.md)", "](registry-format.html)"))));
      }
    }
    Path maintainers = inputs.root().resolve("MAINTAINERS");
    if (Files.exists(maintainers, LinkOption.NOFOLLOW_LINKS)) {
      pages.put("maintainers.html", template.page("maintainers.html", "document", "Maintainers",
          MarkdownPages.preformatted("Maintainers", SiteInputs.text(maintainers, inputs.root()))));
    }

    Path assets = Files.createDirectories(out.resolve("assets"));
    Path chrome = layout.site().resolve("assets");
    try (Stream<Path> files = Files.list(chrome)) {
      for (Path file : files.sorted().toList()) {
        if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          Files.write(assets.resolve(file.getFileName()), SiteInputs.bytes(file, chrome));
        }
      }
    }
    for (Map.Entry<String, String> page : pages.entrySet()) {
      if (page.getValue() != null) {
        Files.writeString(out.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
      }
    }

    SpecPage.Rendered spec =
        SpecPage.render(renderer, registry, inputs.spec().resolve("index.adoc"), cache);
    String search = SearchIndex.script(SearchIndex.entries(registry, spec.html()));
    Files.writeString(assets.resolve("search-index.js"), search);
    String positions = positionsPage(template, spec.html());
    pages.put("positions.html", positions);
    Files.writeString(out.resolve("positions.html"), positions, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("index.html"), specPage(template, spec.html()),
        StandardCharsets.UTF_8);
    return new Version(new Result(List.copyOf(pages.keySet()), spec.problems()), template, spec,
        search);
  }

  private static Map<String, String> readPages(Path folder, List<String> names)
      throws IOException {
    Map<String, String> pages = new LinkedHashMap<>();
    for (String name : names) {
      pages.put(name, Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
    }
    return pages;
  }

  /**
   * The releases of the repository, read once per builder: they feed the changelog page and the
   * "since" column of the index pages.
   */
  private Changelog changelog() throws IOException {
    if (changelog == null) {
      changelog = Changelog.orNone(layout.spec().resolve("registry"));
    }
    return changelog;
  }

  /** The hash of every input but the specification's AsciiDoc files. */
  private String otherInputsHash() throws IOException {
    String revision = Provenances.revisionOf(layout.root()).orElse("no-git") + "\n"
        + Releases.fingerprint(layout.root());
    return InputHash.of(List.of(layout.spec(), layout.site(), layout.root().resolve("README.md"),
        layout.root().resolve("CONTRIBUTING.md"), layout.root().resolve("MAINTAINERS"),
        layout.root().resolve("tooling/BENCHMARKS.md")), toolVersion + "\n" + revision,
        file -> !(file.startsWith(layout.spec()) && file.toString().endsWith(".adoc")));
  }

  private String inputHash() throws IOException {
    String revision = Provenances.revisionOf(layout.root()).orElse("no-git") + "\n"
        + Releases.fingerprint(layout.root());
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
