package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview server: local only, files below its folder only (never through a link out of it),
 * live reload on request, and robust against slow, silent, malformed and foreign requests.
 */
class SiteServerTest {
  @TempDir Path temp;

  @Test
  void servesPagesAndInjectsTheReloadScriptOnlyInPreviewMode() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<html><body>hello</body></html>");
    try (SiteServer plain = SiteServer.start(site, 0);
        SiteServer preview = SiteServer.start(site, 0, true)) {
      assertThat(plain.address().getHost()).isEqualTo("127.0.0.1");
      assertThat(get(plain.address().resolve("index.html")).body())
          .isEqualTo("<html><body>hello</body></html>");
      assertThat(get(plain.address().resolve("__events")).statusCode()).isEqualTo(404);
      String page = get(preview.address().resolve("")).body();
      assertThat(page).startsWith("<html><body>hello<script>").endsWith("</script>\n</body></html>")
          .contains("new EventSource('/__events')").doesNotContain(LiveReload.OVERLAY_ID);
      assertThat(get(plain.address().resolve("missing.html")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  @Timeout(30)
  void aPreviewPushesEachRenderToItsPagesAndShowsTheProblemsOfOneThatFailed()
      throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<html><body>hello</body></html>");
    try (SiteServer preview = SiteServer.start(site, 0, true);
        EventStream events = new EventStream(preview.address().getPort())) {
      String first = events.next();
      assertThat(get(preview.address().resolve("index.html")).body())
          .as("a page carries the state it was served in").contains("'" + first + "'");

      preview.rendered(false, List.of("spec/03-a.adoc:7: link to missing anchor #<b>&x",
          "spec/registry/enums.yaml:3:5: error: wrong\n  enums: [\n  ^"));
      String failed = events.next();
      assertThat(failed).isNotEqualTo(first);
      String page = get(preview.address().resolve("index.html")).body();
      assertThat(page).contains("<div id=\"" + LiveReload.OVERLAY_ID + "\" role=\"alert\"",
          "spec/03-a.adoc:7: link to missing anchor #&lt;b&gt;&amp;x\n",
          "spec/registry/enums.yaml:3:5: error: wrong\n  enums: [\n  ^\n", "'" + failed + "'")
          .doesNotContain("<b>&x");

      preview.rendered(false, List.of("spec/03-a.adoc:7: link to missing anchor #<b>&x",
          "spec/registry/enums.yaml:3:5: error: wrong\n  enums: [\n  ^"));
      assertThat(get(preview.address().resolve("index.html")).body())
          .as("the same problems again change nothing").contains("'" + failed + "'");
      preview.rendered(true, List.of());
      String fixed = events.next();
      assertThat(fixed).isNotIn(first, failed);
      assertThat(get(preview.address().resolve("index.html")).body())
          .doesNotContain(LiveReload.OVERLAY_ID).contains("'" + fixed + "'");

      HttpResponse<String> missing = get(preview.address().resolve("nothing-yet.html"));
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("no such page", "new EventSource('/__events')");
    }
  }

  @Test
  void textIsSentAsItsGzipCopyToClientsThatAcceptGzip() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    byte[] css = "body { color: black; }\n".repeat(50).getBytes(StandardCharsets.UTF_8);
    Files.write(site.resolve("site.css"), css);
    Files.write(site.resolve("site.css.gz"), Compressed.gzip(css, 9));
    Files.writeString(site.resolve("plain.js"), "var x = 1;\n");
    Files.write(site.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(site.resolve("page.html"), "<html><body>hello</body></html>");
    try (SiteServer server = SiteServer.start(site, 0);
        SiteServer preview = SiteServer.start(site, 0, true)) {
      HttpResponse<byte[]> zipped = get(server, "site.css", "gzip, deflate, br");
      assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
      assertThat(zipped.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
      assertThat(gunzip(zipped.body())).isEqualTo(css);
      for (String refused : List.of("", "identity", "gzip;q=0", "br", "*;q=0", "gzip;q=0, *")) {
        HttpResponse<byte[]> plain = get(server, "site.css", refused);
        assertThat(plain.headers().firstValue("Content-Encoding")).as(refused).isEmpty();
        assertThat(plain.body()).as(refused).isEqualTo(css);
      }
      assertThat(get(server, "site.css", "*").headers().firstValue("Content-Encoding"))
          .hasValue("gzip");
      HttpResponse<byte[]> noCopy = get(server, "plain.js", "gzip");
      assertThat(noCopy.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(noCopy.body()).isEqualTo("var x = 1;\n".getBytes(StandardCharsets.UTF_8));
      HttpResponse<byte[]> image = get(server, "logo.png", "gzip");
      assertThat(image.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(image.headers().firstValue("Vary")).isEmpty();
      HttpResponse<byte[]> page = get(preview, "page.html", "gzip");
      assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(new String(gunzip(page.body()), StandardCharsets.UTF_8))
          .startsWith("<html><body>hello<script>");
      HttpResponse<byte[]> script = get(preview, "plain.js", "gzip");
      assertThat(script.headers().firstValue("Content-Encoding"))
          .as("a preview compresses as it sends").hasValue("gzip");
      assertThat(gunzip(script.body())).isEqualTo("var x = 1;\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void refusesPathsOutsideItsFolder() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(temp.resolve("secret.txt"), "not for the web");
    try (SiteServer server = SiteServer.start(site, 0)) {
      String response = raw(server.address().getPort(), "GET /../secret.txt HTTP/1.1");
      assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("not for the web");
    }
  }

  @Test
  void theWatcherNoticesAChangedFile() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("spec"));
    Path chapter = Files.writeString(folder.resolve("a.adoc"), "one");
    try (ChangeWatcher watcher = new ChangeWatcher(List.of(folder))) {
      assertThat(watcher.changed()).isFalse();
      Files.writeString(chapter, "one, and more");
      assertThat(watcher.changed()).isTrue();
      assertThat(watcher.changed()).isFalse();
      Files.writeString(chapter, "one, and mord"); // same size
      assertThat(watcher.changed()).isTrue();
    }
  }

  @Test
  @Timeout(30)
  void theWatcherWakesUpOnAnEditInsteadOfWaitingItsTimeOut() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("spec/sub"));
    Path chapter = Files.writeString(folder.resolve("a.adoc"), "one");
    try (ChangeWatcher watcher = new ChangeWatcher(List.of(temp.resolve("spec")))) {
      Thread editor = new Thread(() -> {
        try {
          Thread.sleep(200);
          Path temporary = Files.writeString(folder.resolve(".a.adoc.tmp"), "two");
          Files.move(temporary, chapter, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      editor.start();
      // far longer than the test may run: only the edit's event can end this wait in time
      assertThat(watcher.awaitChange(600_000)).isTrue();
      editor.join();
      assertThat(Files.readString(chapter)).isEqualTo("two");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "GZIP", "deflate, gzip", "gzip;q=0.5", "br;q=1, gzip ; q=0.1",
      "*", "identity, *;q=0.3"})
  void acceptEncodingsThatAllowGzip(String header) throws Exception {
    assertThat(request(header).acceptsEncoding("gzip")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "identity", "br", "gzip;q=0", "gzip;q=0.0", "*;q=0",
      "gzip;q=0, *", "gzip;q=nonsense", "x-gzip"})
  void acceptEncodingsThatDoNot(String header) throws Exception {
    assertThat(request(header).acceptsEncoding("gzip")).isFalse();
  }

  private static org.vhostuser.spec.site.HttpRequest request(String acceptEncoding)
      throws Exception {
    String head = "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\n"
        + (acceptEncoding.isEmpty() ? "" : "Accept-Encoding: " + acceptEncoding + "\r\n")
        + "\r\n";
    return org.vhostuser.spec.site.HttpRequest.read(new java.io.ByteArrayInputStream(
        head.getBytes(StandardCharsets.ISO_8859_1)), System.nanoTime() + 1_000_000_000L);
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET sending {@code acceptEncoding} (none when empty), the body as it came. */
  private static HttpResponse<byte[]> get(SiteServer server, String path, String acceptEncoding)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.address().resolve(path));
    if (!acceptEncoding.isEmpty()) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (InputStream in = new java.util.zip.GZIPInputStream(
        new java.io.ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  /** The server-sent event stream of a preview, read over a plain socket. */
  static final class EventStream implements AutoCloseable {
    private final Socket socket;
    private final java.io.BufferedReader lines;

    EventStream(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET /__events HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      lines = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("HTTP/1.1 200 OK");
      List<String> headers = new ArrayList<>();
      for (String line = lines.readLine(); !line.isEmpty(); line = lines.readLine()) {
        headers.add(line);
      }
      assertThat(headers).contains("Content-Type: text/event-stream", "Cache-Control: no-store");
    }

    /** The data of the next event (comments and other fields are skipped). */
    String next() throws IOException {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data: ")) {
          return line.substring("data: ".length());
        }
      }
      throw new IOException("the event stream ended");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  @Timeout(60)
  void aSilentOrSlowClientHoldsUpNobodyElse() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<html><body>hello</body></html>");
    try (SiteServer server = SiteServer.start(site, 0)) {
      int port = server.address().getPort();
      List<Socket> silent = new ArrayList<>();
      try {
        for (int i = 0; i < 20; i++) {
          Socket half = new Socket("127.0.0.1", port);
          half.getOutputStream().write("GET /ind".getBytes(StandardCharsets.US_ASCII));
          half.getOutputStream().flush();
          silent.add(half);
        }
        long start = System.nanoTime();
        String answer = raw(port, "GET /index.html HTTP/1.1", host(port));
        assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("hello");
        // far less than the ten seconds a silent client is given
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
      } finally {
        for (Socket half : silent) {
          half.close();
        }
      }
    }
  }

  @Test
  @Timeout(30)
  void aRequestThatDoesNotArriveInTimeGets408() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    try (SiteServer server = SiteServer.start(site, 0, false, 300);
        Socket half = new Socket("127.0.0.1", server.address().getPort())) {
      half.getOutputStream().write("GET /index.html HTTP/1.1\r\nHost: 127".getBytes(
          StandardCharsets.US_ASCII));
      half.getOutputStream().flush();
      String answer = new String(half.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /index.html%00 HTTP/1.1", "GET /index.html%00.js HTTP/1.1",
      "GET /%zz HTTP/1.1", "GET /%C3%28 HTTP/1.1", "GET /a%5Cb HTTP/1.1", "GET /a%0Ab HTTP/1.1",
      "GET index.html HTTP/1.1", "GET http://127.0.0.1/ HTTP/1.1", "GET / HTTP/9.9",
      "GET /  HTTP/1.1", "get / HTTP/1.1", "\u0016\u0003\u0001\u0002\u0000", "GET /",
      "GET / HTTP/1.1\r\nno colon here"})
  void aMalformedRequestGets400AndAnAnswer(String request) throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<html><body>hello</body></html>");
    try (SiteServer server = SiteServer.start(site, 0)) {
      int port = server.address().getPort();
      String answer = raw(port, request, host(port));
      assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Content-Length: ")
          .doesNotContain("hello");
    }
  }

  @Test
  void aHugeRequestHeadGets431() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    try (SiteServer server = SiteServer.start(site, 0)) {
      int port = server.address().getPort();
      String answer = raw(port, "GET / HTTP/1.1", host(port) + "\r\nX-Big: "
          + "x".repeat(100_000));
      assertThat(answer).startsWith("HTTP/1.1 431 ");
    }
  }

  @Test
  void onlyTheLoopbackHostAndPortItListensOnAreAnswered() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<html><body>hello</body></html>");
    try (SiteServer server = SiteServer.start(site, 0)) {
      int port = server.address().getPort();
      assertThat(raw(port, "GET / HTTP/1.1", host(port))).startsWith("HTTP/1.1 200 OK");
      assertThat(raw(port, "GET / HTTP/1.1", "Host: localhost:" + port))
          .startsWith("HTTP/1.1 200 OK");
      for (String other : List.of("Host: attacker.example:" + port, "Host: 127.0.0.1",
          "Host: 127.0.0.1:" + (port + 1), "X-No-Host: 1")) {
        assertThat(raw(port, "GET / HTTP/1.1", other)).as(other).startsWith("HTTP/1.1 403 ")
            .doesNotContain("hello");
      }
    }
  }

  @Test
  void aSymbolicLinkOutOfTheSiteIsNotFollowed() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(temp.resolve("secret.txt"), "not for the web");
    Files.writeString(site.resolve("page.html"), "a page");
    Files.createSymbolicLink(site.resolve("leak.html"), temp.resolve("secret.txt"));
    Files.createSymbolicLink(site.resolve("env.html"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(site.resolve("same.html"), Path.of("page.html"));
    Files.createSymbolicLink(site.resolve("outside"), temp);
    try (SiteServer server = SiteServer.start(site, 0)) {
      int port = server.address().getPort();
      for (String path : List.of("/leak.html", "/env.html", "/outside/secret.txt")) {
        assertThat(raw(port, "GET " + path + " HTTP/1.1", host(port))).as(path)
            .startsWith("HTTP/1.1 403 ").doesNotContain("not for the web");
      }
      assertThat(raw(port, "GET /same.html HTTP/1.1", host(port))).startsWith("HTTP/1.1 200 OK")
          .endsWith("a page");
    }
  }

  private static String host(int port) {
    return "Host: 127.0.0.1:" + port;
  }

  /** Sends a request line and headers as written, without the client normalising anything. */
  private static String raw(int port, String requestLine) throws IOException {
    return raw(port, requestLine, host(port));
  }

  private static String raw(int port, String requestLine, String headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + "\r\n" + headers + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
