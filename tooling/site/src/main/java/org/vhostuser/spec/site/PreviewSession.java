package org.vhostuser.spec.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.registry.Registry;

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

  /** Serves until the process ends, polling for changes every {@code pollMillis}. */
  public void run(int port, long pollMillis) throws IOException, InterruptedException {
    render();
    ChangeWatcher watcher = new ChangeWatcher(List.of(layout.spec(), layout.site()));
    try (SiteServer server = SiteServer.start(layout.out(), port, true)) {
      out.println("Serving " + layout.out() + " at " + server.address() + "index.html"
          + " (Ctrl-C to stop)");
      out.flush();
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(pollMillis);
        if (watcher.changed() && render()) {
          server.reloaded();
        }
      }
    }
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
