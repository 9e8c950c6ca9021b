package org.vhostuser.spec.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.function.Supplier;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * {@code vhost-spec serve}: renders the site once, serves it, and re-renders with the same warm
 * Asciidoctor whenever {@code spec/} or {@code site/} changes, then tells open pages to reload.
 * When only chapters changed, only they are rendered and only the specification page and the
 * search index are replaced (see {@link SiteBuilder#update}). A render that fails keeps the
 * previous site on screen, prints its problems and shows them over the open pages.
 */
public final class PreviewSession {
  private final SiteBuilder.Layout layout;
  private final SpecRenderer renderer;
  private final Supplier<Input> registry;
  private final PrintWriter out;
  private final SiteBuilder builder;
  private List<String> problems = List.of();

  /**
   * What a render starts from: the registry, validated with the prose, or (null) the problems
   * that keep it from rendering, each as printed ({@code file:line:col: error: ...}).
   */
  public record Input(Registry registry, List<String> problems) {
    public Input {
      problems = List.copyOf(problems);
    }
  }

  /** {@code registry} validates and loads the registry afresh. */
  public PreviewSession(SiteBuilder.Layout layout, SpecRenderer renderer,
      Supplier<Input> registry, PrintWriter out) {
    this.layout = layout;
    this.renderer = renderer;
    this.registry = registry;
    this.out = out;
    this.builder = new SiteBuilder(layout, "serve").preview();
  }

  /**
   * Renders, then serves with {@code server} (already bound, so a busy port was reported before
   * anything rendered) until the process ends, re-rendering as soon as the file system reports
   * a change (and comparing the inputs every {@code pollMillis} anyway). After each render the
   * server pushes its outcome to the open pages: they reload, with the problems of a render that
   * failed shown over them. No edit of the inputs stops the preview: a render that fails,
   * whatever the reason, prints why and keeps the previous site.
   */
  public void run(SiteServer server, long pollMillis) throws InterruptedException {
    server.rendered(renderSafely(), problems);
    try (ChangeWatcher watcher = new ChangeWatcher(List.of(layout.spec(), layout.site()))) {
      out.println("Serving " + layout.out() + " at " + server.address() + "index.html"
          + " (Ctrl-C to stop)");
      out.flush();
      while (!Thread.currentThread().isInterrupted()) {
        if (changed(watcher, pollMillis)) {
          server.rendered(renderSafely(), problems);
        }
      }
    }
  }

  private static boolean changed(ChangeWatcher watcher, long pollMillis)
      throws InterruptedException {
    try {
      return watcher.awaitChange(pollMillis);
    } catch (UncheckedIOException e) {
      return true; // a folder could not be listed: let the render say what is wrong
    }
  }

  /** The problems of the latest render, each as printed; empty when it succeeded. */
  List<String> problems() {
    return problems;
  }

  /** {@link #render()}, reporting anything it throws as one line instead of ending the loop. */
  boolean renderSafely() {
    try {
      return render();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      String line = "not rendered: " + oneLine(e);
      problems = List.of(line);
      out.println(line);
      out.flush();
      return false;
    }
  }

  private static String oneLine(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String message;
    if (cause instanceof InputFiles.Refused refused) {
      message = refused.file() + ": " + refused.getMessage();
    } else if (cause instanceof AccessDeniedException denied) {
      message = denied.getFile() + ": permission denied";
    } else if (cause instanceof FileSystemException failed && failed.getReason() != null) {
      message = failed.getFile() + ": " + failed.getReason();
    } else if (cause instanceof StackOverflowError) {
      message = "the call stack overflowed (StackOverflowError)";
    } else {
      message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
    return message.replaceAll("\\s+", " ").trim();
  }

  private SiteBuilder.Result buildAll(Registry current) {
    try {
      return builder.build(renderer, current);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders once; true when the site was replaced. */
  boolean render() throws IOException {
    long start = System.nanoTime();
    Input input = registry.get();
    Registry current = input.registry();
    if (current == null) {
      String line = "not rendered: the specification has errors (run vhost-spec validate)";
      problems = input.problems().isEmpty() ? List.of(line) : input.problems();
      out.println(line);
      out.flush();
      return false;
    }
    SiteBuilder.Result result = builder.update(() -> renderer, current)
        .orElseGet(() -> buildAll(current));
    if (!result.problems().isEmpty()) {
      problems = result.problems();
      result.problems().forEach(p -> out.println("error: " + p));
      out.println("not rendered: " + result.problems().size() + " problem(s)");
      out.flush();
      return false;
    }
    problems = List.of();
    out.println("rendered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    out.flush();
    return true;
  }
}
