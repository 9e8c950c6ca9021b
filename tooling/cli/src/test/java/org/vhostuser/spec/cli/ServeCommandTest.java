package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.RegistryFiles;

/**
 * {@code serve} shows the problems that keep the specification from rendering in the browser,
 * over the page, at their file, line and column, as well as on standard error.
 */
class ServeCommandTest {
  private static final Pattern SERVING =
      Pattern.compile("Serving .* at (http://127\\.0\\.0\\.1:\\d+/)index\\.html");

  @TempDir Path temp;

  @Test
  @Timeout(180)
  void aRegistryErrorIsShownOverThePreviewAtItsFileAndLine() throws Exception {
    Path repository = temp.resolve("repository");
    for (String folder : List.of("spec", "site")) {
      try (Stream<Path> walk = Files.walk(Path.of("../..", folder))) {
        for (Path source : walk.toList()) {
          Path target = repository.resolve(folder)
              .resolve(Path.of("../..", folder).relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target);
          }
        }
      }
    }
    Path table = repository.resolve("spec/registry").resolve(RegistryFiles.FRONT_END);
    List<String> lines = Files.readAllLines(table);
    int line = lines.indexOf("    replies: always") + 1;
    assertThat(line).isPositive();
    lines.set(line - 1, "    replies: <nevr>");
    Files.write(table, lines);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread serve = new Thread(() -> Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "serve", "--port", "0", "--registry",
        repository.resolve("spec/registry").toString(), "--out",
        temp.resolve("site").toString()), "serve");
    serve.start();
    try {
      Matcher serving = SERVING.matcher("");
      while (!serving.reset(out.toString(StandardCharsets.UTF_8)).find()) {
        assertThat(serve.isAlive()).as("serve runs: " + err).isTrue();
        Thread.sleep(50);
      }
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(serving.group(1) + "index.html")).build(), HttpResponse.BodyHandlers.ofString());

      String where = table + ":" + line + ":14: error: ";
      assertThat(page.statusCode()).as("nothing rendered yet").isEqualTo(404);
      assertThat(page.body()).contains("<div id=\"vhost-spec-problems\" role=\"alert\"",
          where, "&lt;nevr&gt;").doesNotContain("<nevr>");
      assertThat(err.toString(StandardCharsets.UTF_8)).contains(where);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("not rendered: the specification has errors");
    } finally {
      serve.interrupt();
      serve.join(60_000);
    }
    assertThat(serve.isAlive()).as("serve stops when interrupted").isFalse();
  }
}
