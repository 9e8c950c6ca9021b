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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
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
 *
 * <p>A text file is sent as its gzip copy ({@link Compressed}) to a client that accepts gzip, as
 * GitLab Pages sends the published site (a preview compresses as it sends, quickly). In
 * preview mode ({@link LiveReload}) every page gets a script that reloads it when the server
 * pushes news of a render over a server-sent event stream, and an overlay with the problems of
 * a render that failed.
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
  /** How often an idle event stream gets a comment line, so a client that left is noticed. */
  static final long KEEP_ALIVE_MILLIS = 15_000;

  /**
   * What one request is answered with; {@code headers} are extra header lines, each ending in
   * CRLF. The event stream of the preview is a response of its own kind, {@link #EVENT_STREAM}.
   */
  private record Response(int status, String type, byte[] body, String headers) {
    Response(int status, String type, byte[] body) {
      this(status, type, body, "");
    }

    static Response text(int status, String text) {
      return new Response(status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final Response EVENT_STREAM =
      new Response(200, "text/event-stream", new byte[0]);

  private final ServerSocket socket;
  private final int requestMillis;
  private final Path root;
  private final boolean liveReload;
  private final Set<String> hosts;
  private final LiveReload live = new LiveReload();
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
   * reloads it after {@link #reloaded()} or {@link #rendered} is called. Throws
   * {@link java.net.BindException} when the port is taken or not allowed; nothing is served then.
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

  /** Tells open pages that the site changed, so they reload (and shows no problems). */
  public void reloaded() {
    rendered(true, List.of());
  }

  /**
   * Tells open pages the outcome of a render: they reload when it {@code replaced} the site or
   * when its {@code problems} (one or more lines each, shown escaped in an overlay over the last
   * site that rendered) differ from those shown so far.
   */
  public void rendered(boolean replaced, List<String> problems) {
    live.rendered(replaced, problems);
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
      if (response == EVENT_STREAM) {
        events(client.getOutputStream());
        return;
      }
      write(client.getOutputStream(), response, head);
      finish(client);
    } catch (IOException | RuntimeException e) {
      // the client went away, or this one request failed; the server goes on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing
    }
  }

  /**
   * Streams the preview's state to one page until it leaves or the server closes: its token at
   * once, then each new token the moment a render ends, and a comment line when idle.
   */
  private void events(OutputStream out) throws IOException, InterruptedException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
        + "Connection: close\r\n\r\nretry: 500\n\n").getBytes(StandardCharsets.ISO_8859_1));
    String sent = null;
    while (!socket.isClosed()) {
      String now = live.awaitChange(sent, KEEP_ALIVE_MILLIS);
      out.write((now.equals(sent) ? ": idle\n\n" : "data: " + now + "\n\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      sent = now;
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
    return route(request);
  }

  /**
   * What each path means: in preview mode {@link LiveReload#EVENTS} is the event stream; any
   * other path is a file of the site, sent as its gzip copy when the client accepts gzip and the
   * copy exists. A preview (whose pages carry the reload script, and whose builds write no
   * copies) compresses text as it sends it.
   */
  private Response route(HttpRequest request) {
    String path = request.path();
    if (liveReload && path.equals(LiveReload.EVENTS) && request.method().equals("GET")) {
      return EVENT_STREAM;
    }
    Path file = root.resolve(path.substring(1)).normalize();
    if (!file.startsWith(root)) {
      return Response.text(403, "outside the site");
    }
    if (path.endsWith("/") || java.nio.file.Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    byte[] body;
    try {
      body = InputFiles.read(file, root, MAX_FILE_BYTES, "served files");
    } catch (InputFiles.Refused refused) {
      boolean missing = refused.code() == Code.FILE_MISSING
          || refused.code() == Code.FILE_UNREADABLE;
      if (missing && liveReload && file.getFileName().toString().endsWith(".html")) {
        return new Response(404, TYPES.get("html"), live.missingPage());
      }
      return missing ? Response.text(404, "not found") : Response.text(403, "not served");
    }
    String name = file.getFileName().toString();
    String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
        "application/octet-stream");
    if (!Compressed.wanted(name)) {
      return new Response(200, type, body);
    }
    boolean gzip = request.acceptsEncoding("gzip");
    String vary = "Vary: Accept-Encoding\r\n";
    String encoded = vary + "Content-Encoding: gzip\r\n";
    if (liveReload) {
      body = name.endsWith(".html") ? live.inject(body) : body;
      return gzip ? new Response(200, type, Compressed.gzip(body, Deflater.BEST_SPEED), encoded)
          : new Response(200, type, body, vary);
    }
    if (gzip) {
      try {
        return new Response(200, type,
            InputFiles.read(Compressed.copyOf(file), root, MAX_FILE_BYTES, "served files"),
            encoded);
      } catch (InputFiles.Refused refused) {
        // no copy (or none that may be served): the file as it is
      }
    }
    return new Response(200, type, body, vary);
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
        + response.headers()
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
