package org.vhostuser.spec.site;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * A local preview server for a built site. It listens on the loopback address only, answers
 * only requests whose {@code Host} names that address (or localhost) and its port, so a web page
 * elsewhere cannot reach it through DNS rebinding, and serves only regular files whose real path
 * lies below its folder: a symbolic link out of the folder is refused. Every connection has a
 * thread of its own and a deadline for its request, so a slow or silent client holds up nobody
 * else; any request that is not well formed is answered with a 4xx status, never dropped.
 *
 * <p>The parts: {@link #start} binds (a busy port fails there, before anything renders), the
 * acceptor hands each connection to {@link #serve}, which reads the request ({@link HttpRequest})
 * and {@link #answer}s it; {@link #route} is where paths get their meaning.
 */
public final class SiteServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "json", "application/json",
      "h", "text/plain; charset=utf-8", "rs", "text/plain; charset=utf-8",
      "png", "image/png", "svg", "image/svg+xml");
  private static final String TEXT = "text/plain; charset=utf-8";

  /** Connections served at once; more are answered 503 at once. */
  static final int MAX_CONNECTIONS = 64;
  /** How long a client may take to send its request, and to wait between two reads. */
  static final int REQUEST_MILLIS = 10_000;
  /** The largest file served. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  /** Asks the page for the site's generation every second and reloads when it changes. */
  static final String RELOAD_SCRIPT = "<script>(function(){var seen=null;setInterval(function(){"
      + "fetch('/__generation',{cache:'no-store'}).then(function(r){return r.text();})"
      + ".then(function(g){if(seen!==null&&g!==seen){location.reload();}seen=g;})"
      + ".catch(function(){});},1000);}());</script>";

  /** What one request is answered with. */
  private record Response(int status, String type, byte[] body) {
    static Response text(int status, String text) {
      return new Response(status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private final ServerSocket socket;
  private final int requestMillis;
  private final Path root;
  private final boolean liveReload;
  private final Set<String> hosts;
  private final AtomicLong generation = new AtomicLong();
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "site-server-connection");
    thread.setDaemon(true);
    return thread;
  });
  private final Thread acceptor;

  private SiteServer(ServerSocket socket, Path root, boolean liveReload, int requestMillis) {
    this.socket = socket;
    this.requestMillis = requestMillis;
    this.root = root;
    this.liveReload = liveReload;
    int port = socket.getLocalPort();
    String address = socket.getInetAddress().getHostAddress();
    this.hosts = Set.of((address.contains(":") ? "[" + address + "]" : address) + ":" + port,
        "localhost:" + port);
    this.acceptor = new Thread(this::accept, "site-server");
    this.acceptor.setDaemon(true);
  }

  /** Serves {@code folder} on 127.0.0.1 at {@code port} (0 picks a free one). */
  public static SiteServer start(Path folder, int port) throws IOException {
    return start(folder, port, false);
  }

  /**
   * Serves {@code folder}; with {@code liveReload} every HTML page gets a small script that
   * reloads it after {@link #reloaded()} is called. Throws {@link java.net.BindException} when
   * the port is taken or not allowed; nothing is served then.
   */
  public static SiteServer start(Path folder, int port, boolean liveReload) throws IOException {
    return start(folder, port, liveReload, REQUEST_MILLIS);
  }

  /** As {@link #start(Path, int, boolean)}, giving clients {@code requestMillis} per request. */
  static SiteServer start(Path folder, int port, boolean liveReload, int requestMillis)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    SiteServer site = new SiteServer(socket, folder.toAbsolutePath().normalize(), liveReload,
        requestMillis);
    site.acceptor.start();
    return site;
  }

  /** Tells open pages that the site changed, so they reload. */
  public void reloaded() {
    generation.incrementAndGet();
  }

  /** The base address, for example {@code http://127.0.0.1:8000/}. */
  public URI address() {
    return URI.create("http://" + socket.getInetAddress().getHostAddress() + ":"
        + socket.getLocalPort() + "/");
  }

  private void accept() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        pause(); // closed (the loop ends), or out of descriptors for a moment
        continue;
      }
      if (!slots.tryAcquire()) {
        connections.execute(() -> refuseBusy(client));
        continue;
      }
      connections.execute(() -> {
        try {
          serve(client);
        } finally {
          slots.release();
        }
      });
    }
  }

  /** Reads one request from {@code client}, answers it and closes the connection. */
  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(requestMillis);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(requestMillis);
      Response response;
      boolean head = false;
      try {
        HttpRequest request = HttpRequest.read(new BufferedInputStream(client.getInputStream()),
            deadline);
        head = request.method().equals("HEAD");
        response = answer(request);
      } catch (HttpRequest.Refusal refusal) {
        response = Response.text(refusal.status(), refusal.getMessage());
      }
      write(client.getOutputStream(), response, head);
      finish(client);
    } catch (IOException | RuntimeException e) {
      // the client went away, or this one request failed; the server goes on
    }
  }

  /**
   * Ends a connection whose response is written without losing that response: closing a
   * socket with unread input makes the kernel reset the connection, so the client may never
   * see the answer. The output is shut first and what the client still sends is read briefly.
   */
  private static void finish(Socket client) throws IOException {
    client.shutdownOutput();
    client.setSoTimeout(500);
    byte[] rest = new byte[8192];
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    try {
      while (System.nanoTime() < until && client.getInputStream().read(rest) >= 0) {
        // discard
      }
    } catch (IOException e) {
      // the client is silent or gone: close now
    }
  }

  private void pause() {
    if (!socket.isClosed()) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The response to a well-formed request: checks its method and host, then routes it. */
  private Response answer(HttpRequest request) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return Response.text(405, "method not allowed");
    }
    String host = request.header("host").orElse("").toLowerCase(Locale.ROOT);
    if (!hosts.contains(host)) {
      return Response.text(403, "this preview answers only requests for " + address());
    }
    return route(request.path());
  }

  /** What each path means: the generation counter, or a file of the site. */
  private Response route(String path) {
    if (path.equals("/__generation")) {
      return new Response(200, TEXT, Long.toString(generation.get())
          .getBytes(StandardCharsets.UTF_8));
    }
    Path file = root.resolve(path.substring(1)).normalize();
    if (!file.startsWith(root)) {
      return Response.text(403, "outside the site");
    }
    if (java.nio.file.Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    byte[] body;
    try {
      body = InputFiles.read(file, root, MAX_FILE_BYTES, "served files");
    } catch (InputFiles.Refused refused) {
      boolean missing = refused.code() == Code.FILE_MISSING
          || refused.code() == Code.FILE_UNREADABLE;
      return missing ? Response.text(404, "not found") : Response.text(403, "not served");
    }
    String name = file.getFileName().toString();
    String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
        "application/octet-stream");
    if (liveReload && name.endsWith(".html")) {
      body = new String(body, StandardCharsets.UTF_8)
          .replace("</body>", RELOAD_SCRIPT + "\n</body>").getBytes(StandardCharsets.UTF_8);
    }
    return new Response(200, type, body);
  }

  private static void refuseBusy(Socket client) {
    try (client) {
      client.setSoTimeout(1000);
      write(client.getOutputStream(), Response.text(503, "too many connections"), false);
      finish(client);
    } catch (IOException e) {
      // nothing more to do for this client
    }
  }

  private static void write(OutputStream out, Response response, boolean head)
      throws IOException {
    String status = switch (response.status()) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
    String headers = "HTTP/1.1 " + response.status() + " " + status + "\r\n"
        + "Content-Type: " + response.type() + "\r\n"
        + "Content-Length: " + response.body().length + "\r\n"
        + "Cache-Control: no-store\r\n"
        + "X-Content-Type-Options: nosniff\r\n"
        + "Connection: close\r\n\r\n";
    out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
    if (!head) {
      out.write(response.body());
    }
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    connections.shutdownNow();
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
