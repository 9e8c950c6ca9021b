package org.vhostuser.spec.asciidoc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
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

  /** Held so the level set on it is not lost when the logger would be garbage-collected. */
  private static final Logger ASCIIDOCTOR_LOG = Logger.getLogger("asciidoctor");

  private final Asciidoctor asciidoctor;
  private final RegistryMacros macros;
  private final List<String> logged = new ArrayList<>();
  private Registry current;

  /** Starts Asciidoctor and registers the registry macros on it. */
  public SpecRenderer() {
    asciidoctor = Asciidoctor.Factory.create();
    ASCIIDOCTOR_LOG.setLevel(Level.OFF); // records reach the handler below; nothing is printed
    macros = new RegistryMacros(() -> current);
    macros.register(asciidoctor.javaExtensionRegistry());
    asciidoctor.registerLogHandler(new Collector());
  }

  /** Renders {@code indexFile} (and what it includes) with the facts of {@code registry}. */
  public synchronized Rendered render(Path indexFile, Registry registry) {
    current = registry;
    logged.clear();
    Options options = Options.builder()
        .safe(SafeMode.SAFE)
        .baseDir(indexFile.toAbsolutePath().getParent().toFile())
        .toFile(false)
        .standalone(false)
        .sourcemap(true)
        .attributes(Attributes.builder()
            .attribute("sectanchors", "")
            .attribute("sectlinks", "")
            .attribute("sectnums", "")
            .attribute("sectnumlevels", "3")
            .attribute("idprefix", "")
            .attribute("idseparator", "-")
            .attribute("webfonts!", "")
            .attribute("toc!", "")
            .attribute("showtitle", "")
            .attribute("icons!", "")
            .build())
        .build();
    String html = asciidoctor.convertFile(indexFile.toFile(), options);
    List<String> problems = new ArrayList<>(logged);
    problems.addAll(macros.takeProblems());
    return new Rendered(html, problems);
  }

  @Override
  public void close() {
    asciidoctor.close();
  }

  /** Keeps every record at warning level or above, and the "invalid reference" notices. */
  private final class Collector implements LogHandler {
    @Override
    public void log(LogRecord record) {
      boolean serious = record.getSeverity().ordinal() >= Severity.WARN.ordinal();
      boolean badReference = record.getMessage().contains("possible invalid reference");
      if (serious || badReference) {
        String where = record.getCursor() == null ? ""
            : record.getCursor().getFile() + ":" + record.getCursor().getLineNumber() + ": ";
        logged.add(where + record.getMessage());
      }
    }
  }
}
