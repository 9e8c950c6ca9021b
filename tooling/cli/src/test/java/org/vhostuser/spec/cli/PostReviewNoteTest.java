package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/post-review-note} against a small stand-in for GitLab's notes API on loopback: the
 * first push posts the review, every later push updates that same note, other notes are left
 * alone.
 */
class PostReviewNoteTest {
  static final Path SCRIPT = Path.of("../../.ci/post-review-note").toAbsolutePath().normalize();
  static final String PATH = "/api/v4/projects/1/merge_requests/7/notes";

  @TempDir Path temp;
  HttpServer server;
  final List<String[]> notes = new ArrayList<>(); // {id, body}
  final List<String> requests = new ArrayList<>();

  @BeforeEach
  void startTheNotesApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PATH, this::handle);
    server.start();
    notes.add(new String[] {"1", "A human comment"});
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theFirstPushPostsAndLaterPushesUpdateTheSameNote() throws Exception {
    Path review = Files.writeString(temp.resolve("review.md"),
        "<!-- vhost-spec-review -->\n## First review\n");
    assertThat(run(review)).contains("posted");
    Files.writeString(review, "<!-- vhost-spec-review -->\n## Second review\n");
    assertThat(run(review)).contains("updated note 2");

    assertThat(notes).extracting(n -> n[0] + ": " + n[1]).containsExactly(
        "1: A human comment", "2: <!-- vhost-spec-review -->\n## Second review\n");
    assertThat(requests).allMatch(r -> r.endsWith("token=secret"));
    assertThat(requests).filteredOn(r -> r.startsWith("PUT")).hasSize(1);
  }

  @Test
  void withoutATokenNothingIsPosted() throws Exception {
    Path review = Files.writeString(temp.resolve("review.md"), "<!-- vhost-spec-review -->\n");
    Process process = new ProcessBuilder("sh", SCRIPT.toString(), review.toString())
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("REVIEW_NOTE_TOKEN is not set");
    assertThat(requests).isEmpty();
  }

  private String run(Path review) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString(), review.toString())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("REVIEW_NOTE_TOKEN", "secret");
    env.put("CI_API_V4_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v4");
    env.put("CI_PROJECT_ID", "1");
    env.put("CI_MERGE_REQUEST_IID", "7");
    Process process = builder.start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(output).isZero();
      return output;
    } finally {
      process.destroyForcibly();
    }
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path + " token=" + exchange.getRequestHeaders()
        .getFirst("PRIVATE-TOKEN"));
    String answer = "{}";
    if (method.equals("GET")) {
      boolean firstPage = String.valueOf(exchange.getRequestURI().getQuery()).contains("page=1&");
      StringBuilder json = new StringBuilder("[");
      if (firstPage) {
        for (String[] note : notes) {
          json.append(json.length() > 1 ? "," : "").append("{\"id\":").append(note[0])
              .append(",\"system\":false,\"body\":\"").append(note[1].replace("\n", "\\n"))
              .append("\"}");
        }
      }
      answer = json.append(']').toString();
    } else {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String body = URLDecoder.decode(form.substring(form.indexOf("body=") + 5),
          StandardCharsets.UTF_8);
      if (method.equals("POST")) {
        notes.add(new String[] {String.valueOf(notes.size() + 1), body});
      } else {
        String id = path.substring(path.lastIndexOf('/') + 1);
        notes.stream().filter(n -> n[0].equals(id)).forEach(n -> n[1] = body);
      }
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
