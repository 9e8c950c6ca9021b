package org.vhostuser.spec.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local preview server for a built site: bound to 127.0.0.1 only, serving only files below its
 * folder (a request that resolves outside it is refused), nothing else. Text is sent compressed
 * to a client that accepts gzip, as the published site is.
 */
public final class SiteServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "json", "application/json",
      "h", "text/plain; charset=utf-8", "rs", "text/plain; charset=utf-8",
      "png", "image/png", "svg", "image/svg+xml");

  /** Asks the page for the site's generation every second and reloads when it changes. */
  static final String RELOAD_SCRIPT = "<script>(function(){var seen=null;setInterval(function(){"
      + "fetch('/__generation',{cache:'no-store'}).then(function(r){return r.text();})"
      + ".then(function(g){if(seen!==null&&g!==seen){location.reload();}seen=g;})"
      + ".catch(function(){});},1000);}());</script>";

  private final HttpServer server;
  private final Path root;
  private final boolean liveReload;
  private final AtomicLong generation = new AtomicLong();

  private SiteServer(HttpServer server, Path root, boolean liveReload) {
    this.server = server;
    this.root = root;
    this.liveReload = liveReload;
  }

  /** Serves {@code folder} on 127.0.0.1 at {@code port} (0 picks a free one). */
  public static SiteServer start(Path folder, int port) throws IOException {
    return start(folder, port, false);
  }

  /**
   * Serves {@code folder}; with {@code liveReload} every HTML page gets a small script that
   * reloads it after {@link #reloaded()} is called.
   */
  public static SiteServer start(Path folder, int port, boolean liveReload) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    SiteServer site = new SiteServer(server, folder.toAbsolutePath().normalize(), liveReload);
    server.createContext("/", site::handle);
    server.start();
    return site;
  }

  /** Tells open pages that the site changed, so they reload. */
  public void reloaded() {
    generation.incrementAndGet();
  }

  /** The base address, for example {@code http://127.0.0.1:8000/}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/__generation")) {
        send(exchange, 200, "text/plain; charset=utf-8",
            Long.toString(generation.get()).getBytes(StandardCharsets.UTF_8));
        return;
      }
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root)) {
        send(exchange, 403, "text/plain; charset=utf-8", "outside the site\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!Files.isRegularFile(file)) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String name = file.getFileName().toString();
      String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
          "application/octet-stream");
      byte[] body = Files.readAllBytes(file);
      if (liveReload && name.endsWith(".html")) {
        body = new String(body, StandardCharsets.UTF_8)
            .replace("</body>", RELOAD_SCRIPT + "\n</body>").getBytes(StandardCharsets.UTF_8);
      }
      if (type.startsWith("text/") || type.startsWith("image/svg") || type.startsWith("application/json")) {
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accepted != null && accepted.contains("gzip")) {
          body = gzip(body);
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
      }
      send(exchange, 200, type, body);
    }
  }

  /** Text compressed as a web server compresses it, so the preview loads as fast as the site. */
  private static byte[] gzip(byte[] body) throws IOException {
    java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream(body.length / 4 + 64);
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(compressed)) {
      out.write(body);
    }
    return compressed.toByteArray();
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
