package org.vhostuser.spec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.site.SiteBuilder;

/**
 * The one Asciidoctor of a site build, started on a thread of its own (not on the common pool,
 * whose only worker on a 2-core machine the registry and prose loading needs meanwhile), or on
 * first use. When a command line will surely render, {@link Main} starts it before picocli even
 * parses the line, so JRuby's start overlaps everything else the command does.
 */
final class BackgroundRenderer implements Supplier<SpecRenderer>, AutoCloseable {
  /** Started by {@link #startEarly}, waiting for the command to take it. */
  private static volatile BackgroundRenderer early;

  private final CompletableFuture<SpecRenderer> started = new CompletableFuture<>();
  private boolean starting;

  /**
   * Starts a renderer now when {@code args} will surely render the site: a {@code site} or
   * {@code build} that is forced or whose output folder holds no site yet (a fresh clone). Only a
   * guess from the command line; a wrong one costs time, never a different result.
   */
  static void startEarly(String... args) {
    if (surelyRenders(List.of(args))) {
      BackgroundRenderer renderer = new BackgroundRenderer();
      renderer.start();
      early = renderer;
    }
  }

  /** The renderer {@link #startEarly} started, once; a new, unstarted one otherwise. */
  static BackgroundRenderer take() {
    BackgroundRenderer taken = early;
    early = null;
    return taken != null ? taken : new BackgroundRenderer();
  }

  /** True when {@code args} is a site or build that is forced or finds no site built yet. */
  static boolean surelyRenders(List<String> args) {
    Optional<String> command = args.stream().filter(a -> !a.startsWith("-")).findFirst();
    if (command.isEmpty() || !List.of("site", "build").contains(command.get())
        || args.contains("--help") || args.contains("-h")
        || args.contains("--version") || args.contains("-V")) {
      return false;
    }
    if (args.contains("--force")) {
      return true;
    }
    boolean site = command.get().equals("site");
    Path out = Path.of(option(args, "--out").orElse(site ? "build/site" : "build"));
    return !SiteBuilder.holdsSite(site ? out : out.resolve("site"));
  }

  /** The value of {@code --name VALUE} or {@code --name=VALUE}, if given. */
  private static Optional<String> option(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(name) && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1));
      }
      if (args.get(i).startsWith(name + "=")) {
        return Optional.of(args.get(i).substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  synchronized void start() {
    if (starting) {
      return;
    }
    starting = true;
    Thread thread = new Thread(() -> {
      try {
        started.complete(new SpecRenderer());
      } catch (RuntimeException | Error e) {
        started.completeExceptionally(e);
      }
    }, "vhost-spec-asciidoctor-start");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public SpecRenderer get() {
    start();
    return started.join();
  }

  @Override
  public void close() {
    started.thenAccept(SpecRenderer::close);
  }
}
