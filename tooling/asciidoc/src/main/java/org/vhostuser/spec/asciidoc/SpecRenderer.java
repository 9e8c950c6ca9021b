package org.vhostuser.spec.asciidoc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.vhostuser.spec.registry.Registry;

/**
 * Renders the specification prose to HTML with the registry macros. One instance owns one
 * Asciidoctor (its JRuby runtime takes seconds to start), so create it once per process and
 * reuse it for every render. Any warning, and any unresolved registry name, is a problem of
 * the render: a specification that renders with warnings is not published.
 */
public final class SpecRenderer implements AutoCloseable {
  /** The HTML body of a render and every problem it reported. */
  public record Rendered(String html, List<String> problems) {
    public Rendered {
      problems = List.copyOf(problems);
    }
  }

  /**
   * One part of a split specification rendered on its own: its HTML, numbered as if it were
   * the first part (see {@link SpecAssembly}), the text a cross-reference to each of its
   * anchors shows, and its problems.
   */
  public record RenderedPart(String html, Map<String, String> refs, List<String> problems) {
    public RenderedPart {
      refs = Map.copyOf(refs);
      problems = List.copyOf(problems);
    }
  }

  /** Held so the level set on it is not lost when the logger would be garbage-collected. */
  private static final Logger ASCIIDOCTOR_LOG = Logger.getLogger("asciidoctor");

  private final Asciidoctor asciidoctor;
  private final RegistryMacros macros;
  /** Log records of the render running on each thread. */
  private final ThreadLocal<Log> log = ThreadLocal.withInitial(Log::new);
  private volatile Registry current;
  private volatile Map<String, String> releases = Map.of();

  /** Starts Asciidoctor and registers the registry macros on it. */
  public SpecRenderer() {
    asciidoctor = AsciidoctorStart.start();
    ASCIIDOCTOR_LOG.setLevel(Level.OFF); // records reach the handler below; nothing is printed
    macros = new RegistryMacros(() -> current, () -> releases);
    macros.register(asciidoctor.javaExtensionRegistry());
    asciidoctor.javaExtensionRegistry().includeProcessor(new ContainedIncludes(
        () -> log.get().indexFile.toAbsolutePath().normalize().getParent()));
    asciidoctor.registerLogHandler(new Collector());
  }

  /**
   * The first release of each message and feature by name, shown on their cards from the next
   * render on (none by default).
   */
  public void showReleases(Map<String, String> firstReleases) {
    this.releases = Map.copyOf(firstReleases);
  }

  /** Renders {@code indexFile} (and what it includes) with the facts of {@code registry}. */
  public synchronized Rendered render(Path indexFile, Registry registry) {
    current = registry;
    Log records = log.get();
    records.start(indexFile, true);
    String html =
        CompactHtml.of(asciidoctor.convertFile(indexFile.toFile(), options(indexFile, true)));
    List<String> problems = new ArrayList<>(records.take());
    problems.addAll(macros.takeProblems());
    return new Rendered(html, problems);
  }

  /**
   * Renders each part of a specification split by {@link SpecParts} as its own document, on up
   * to {@code threads} threads. References to anchors of other parts are left for
   * {@link SpecAssembly} to resolve; they are not problems of a part.
   */
  public synchronized List<RenderedPart> renderParts(
      Path indexFile, List<SpecParts.Part> parts, Registry registry, int threads) {
    current = registry;
    if (threads <= 1 || parts.size() <= 1) {
      return parts.stream().map(part -> renderPart(indexFile, part)).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts.size()), r -> {
      Thread thread = new Thread(r, "vhost-spec-render");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<RenderedPart>> futures = new ArrayList<>();
      for (SpecParts.Part part : parts) {
        futures.add(pool.submit(() -> renderPart(indexFile, part)));
      }
      List<RenderedPart> rendered = new ArrayList<>();
      for (Future<RenderedPart> future : futures) {
        rendered.add(future.get());
      }
      return rendered;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private RenderedPart renderPart(Path indexFile, SpecParts.Part part) {
    Log records = log.get();
    records.start(indexFile, false);
    Document document = asciidoctor.load(part.text(), options(indexFile, part.first()));
    Map<String, String> refs = new LinkedHashMap<>();
    document.getCatalog().getRefs().forEach((id, node) -> {
      String text = xreftext(node);
      if (text != null) {
        refs.put(id, text);
      }
    });
    String html = CompactHtml.of(document.convert());
    List<String> problems = new ArrayList<>(records.take());
    problems.addAll(macros.takeProblems());
    return new RenderedPart(html, refs, problems);
  }

  /** What a cross-reference without text shows for {@code node}, as Asciidoctor does. */
  private static String xreftext(Object node) {
    if (node instanceof Section section) {
      return section.isReftext() ? section.getReftext() : section.getTitle();
    }
    if (node instanceof StructuralNode block) {
      return block.isReftext() ? block.getReftext() : block.getTitle();
    }
    if (node instanceof PhraseNode phrase) {
      return phrase.getText();
    }
    return null;
  }

  private static Options options(Path indexFile, boolean showTitle) {
    return Options.builder()
        .safe(SafeMode.SAFE)
        .baseDir(indexFile.toAbsolutePath().getParent().toFile())
        .toFile(false)
        .standalone(false)
        .sourcemap(true)
        .attributes(Attributes.builder()
            .attribute("sectanchors!", "") // the heading is its own permalink (sectlinks)
            .attribute("sectlinks", "")
            .attribute("sectnums", "")
            .attribute("sectnumlevels", "3")
            .attribute("idprefix", "")
            .attribute("idseparator", "-")
            .attribute("webfonts!", "")
            .attribute("toc!", "")
            .attribute(showTitle ? "showtitle" : "showtitle!", "")
            .attribute("icons!", "")
            .build())
        .build();
  }

  @Override
  public void close() {
    asciidoctor.close();
  }

  /** The records of one render on one thread. */
  private static final class Log {
    final List<String> records = new ArrayList<>();
    Path indexFile;
    boolean referenceNotices;

    void start(Path indexFile, boolean referenceNotices) {
      this.indexFile = indexFile;
      this.referenceNotices = referenceNotices;
      records.clear();
    }

    List<String> take() {
      List<String> taken = List.copyOf(records);
      records.clear();
      return taken;
    }
  }

  /**
   * Keeps every record at warning level or above, and the "invalid reference" notices of a whole
   * render (a part cannot know the anchors of the other parts).
   */
  private final class Collector implements LogHandler {
    @Override
    public void log(LogRecord record) {
      Log records = log.get();
      boolean serious = record.getSeverity().ordinal() >= Severity.WARN.ordinal();
      boolean badReference = records.referenceNotices
          && record.getMessage().contains("possible invalid reference");
      if (serious || badReference) {
        String file = record.getCursor() == null ? null : record.getCursor().getFile();
        String where = record.getCursor() == null ? ""
            : (file == null ? String.valueOf(records.indexFile) : file) + ":"
                + record.getCursor().getLineNumber() + ": ";
        records.records.add(where + record.getMessage());
      }
    }
  }
}
