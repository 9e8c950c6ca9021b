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
      assertThat(get(plain.address().resolve("index.html")).body()).doesNotContain("__generation");
      assertThat(get(preview.address().resolve("")).body())
          .contains("hello", SiteServer.RELOAD_SCRIPT);
      assertThat(get(preview.address().resolve("__generation")).body()).isEqualTo("0");
      preview.reloaded();
      assertThat(get(preview.address().resolve("__generation")).body()).isEqualTo("1");
      assertThat(get(plain.address().resolve("missing.html")).statusCode()).isEqualTo(404);
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
    ChangeWatcher watcher = new ChangeWatcher(List.of(folder));
    assertThat(watcher.changed()).isFalse();
    Files.writeString(chapter, "one, and more");
    assertThat(watcher.changed()).isTrue();
    assertThat(watcher.changed()).isFalse();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
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
