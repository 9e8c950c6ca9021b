package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The preview end to end: a real session re-rendering a copy of the specification behind a real
 * server, and its event stream read as a browser's EventSource reads it. An edit of a chapter is
 * pushed to the page once rendered; a broken edit is shown over the page at its file and line;
 * the fix clears it.
 */
class PreviewReloadTest {
  @TempDir Path temp;

  @Test
  @Timeout(300)
  void editsArePushedToThePageAndABrokenOneIsShownOverIt() throws Exception {
    Path repo = temp.resolve("repo");
    TestFiles.copy(SharedSite.ROOT.resolve("spec"), repo.resolve("spec"));
    for (String input : List.of("site", "README.md", "CONTRIBUTING.md", "MAINTAINERS",
        "tooling/BENCHMARKS.md")) {
      TestFiles.copy(SharedSite.ROOT.resolve(input), repo.resolve(input));
    }
    Path out = temp.resolve("out");
    StringWriter printed = new StringWriter();
    PreviewSession session = new PreviewSession(SiteBuilder.Layout.of(repo, out),
        SharedSite.get().renderer, () -> new PreviewSession.Input(RegistryValidator
            .loadAndValidate(repo.resolve("spec/registry")).registry(), List.of()),
        new PrintWriter(printed, true));
    Path chapter = repo.resolve("spec/03-communication.adoc");
    String original = Files.readString(chapter);
    assertThat(original).contains("== Communication\n");

    try (SiteServer server = SiteServer.start(out, 0, true)) {
      Thread preview = new Thread(() -> {
        try {
          session.run(server, 100);
        } catch (InterruptedException e) {
          // stopped by the test
        }
      }, "preview");
      preview.start();
      try {
        while (!printed.toString().contains("Serving ")) {
          Thread.sleep(50);
        }
        URI page = server.address().resolve("index.html");
        try (SiteServerTest.EventStream events =
            new SiteServerTest.EventStream(server.address().getPort())) {
          String rendered = events.next();
          assertThat(get(page)).contains("'" + rendered + "'")
              .doesNotContain(LiveReload.OVERLAY_ID);

          Files.writeString(chapter, original.replace("== Communication\n",
              "== Communication\n\nA sentence pushed to the page.\n"));
          assertThat(afterEvents(events, page, p -> p.contains("A sentence pushed")))
              .doesNotContain(LiveReload.OVERLAY_ID);

          String broken = original.replace("== Communication\n",
              "== Communication\n\nA sentence pushed to the page.\nSee <<no-such-section>>.\n");
          Files.writeString(chapter, broken);
          int line = broken.lines().toList().indexOf("See <<no-such-section>>.") + 1;
          assertThat(afterEvents(events, page, p -> p.contains(LiveReload.OVERLAY_ID)))
              .as("the last site that rendered, with the problem over it")
              .contains("A sentence pushed to the page.",
                  chapter + ":" + line + ": link to missing anchor #no-such-section\n")
              .doesNotContain("See <<no-such-section>>");

          Files.writeString(chapter, original);
          assertThat(afterEvents(events, page, p -> !p.contains("A sentence pushed")))
              .doesNotContain(LiveReload.OVERLAY_ID);
        }
      } finally {
        preview.interrupt();
        preview.join();
      }
    }
    assertThat(printed.toString()).contains("error: " + chapter + ":")
        .containsPattern("(?s)not rendered: 1 problem\\(s\\).*rendered in \\d+ ms");
  }

  /**
   * Reads events (each a new state) until the page, fetched after each, {@code shows} what is
   * awaited (an editor may save in more than one step); returns that page.
   */
  private static String afterEvents(SiteServerTest.EventStream events, URI page,
      java.util.function.Predicate<String> shows) throws IOException, InterruptedException {
    String seen = null;
    while (true) {
      String token = events.next();
      assertThat(token).isNotEqualTo(seen);
      seen = token;
      String text = get(page);
      if (shows.test(text)) {
        return text;
      }
    }
  }

  private static String get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
