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
 * previous site on screen and prints its problems.
 */
public final class PreviewSession {
  private final SiteBuilder.Layout layout;
  private final SpecRenderer renderer;
  private final Supplier<Registry> registry;
  private final PrintWriter out;
  private final SiteBuilder builder;

  /** {@code registry} validates and loads the registry afresh; null when it has errors. */
  public PreviewSession(SiteBuilder.Layout layout, SpecRenderer renderer,
      Supplier<Registry> registry, PrintWriter out) {
    this.layout = layout;
    this.renderer = renderer;
    this.registry = registry;
    this.out = out;
    this.builder = new SiteBuilder(layout, "serve").preview();
  }

  /**
   * Renders, then serves with {@code server} (already bound, so a busy port was reported before
   * anything rendered) until the process ends, polling for changes every {@code pollMillis}. No
   * edit of the inputs stops the preview: a render that fails, whatever the reason, prints why
   * and keeps the previous site.
   */
  public void run(SiteServer server, long pollMillis) throws InterruptedException {
    renderSafely();
    ChangeWatcher watcher = new ChangeWatcher(List.of(layout.spec(), layout.site()));
    out.println("Serving " + layout.out() + " at " + server.address() + "index.html"
        + " (Ctrl-C to stop)");
    out.flush();
    while (!Thread.currentThread().isInterrupted()) {
      Thread.sleep(pollMillis);
      if (changed(watcher) && renderSafely()) {
        server.reloaded();
      }
    }
  }

  private boolean changed(ChangeWatcher watcher) {
    try {
      return watcher.changed();
    } catch (UncheckedIOException e) {
      return true; // a folder could not be listed: let the render say what is wrong
    }
  }

  /** {@link #render()}, reporting anything it throws as one line instead of ending the loop. */
  boolean renderSafely() {
    try {
      return render();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      out.println("not rendered: " + oneLine(e));
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
    Registry current = registry.get();
    if (current == null) {
      out.println("not rendered: the specification has errors (run vhost-spec validate)");
      out.flush();
      return false;
    }
    SiteBuilder.Result result = builder.update(() -> renderer, current)
        .orElseGet(() -> buildAll(current));
    if (!result.problems().isEmpty()) {
      result.problems().forEach(p -> out.println("error: " + p));
      out.println("not rendered: " + result.problems().size() + " problem(s)");
      out.flush();
      return false;
    }
    out.println("rendered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    out.flush();
    return true;
  }
}
