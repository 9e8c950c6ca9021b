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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server: local only, files below its folder only, live reload on request. */
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

  /** Sends a request line as written, without the client normalising its path. */
  private static String raw(int port, String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
