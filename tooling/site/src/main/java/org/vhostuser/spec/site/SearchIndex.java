package org.vhostuser.spec.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.JsonWriter;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Status;

/**
 * The client-side search index, built at render time: sections of the specification, messages,
 * features, payloads and payload fields, each with its link and a short text. It is written as
 * a script that sets {@code window.VU_SEARCH}, so search works from a page opened as a file.
 */
final class SearchIndex {
  private static final Pattern HEADING =
      Pattern.compile("<h([2-5]) id=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL);

  /** One searchable entry: title, kind, link, text. */
  record Entry(String title, String kind, String url, String text) {}

  private SearchIndex() {}

  /** Every entry of {@code registry} and every heading of the rendered specification. */
  static List<Entry> entries(Registry registry, String specHtml) {
    List<Entry> entries = new ArrayList<>();
    // A reservation has no card: its row on the index page is where it is found.
    registry.allMessages().forEach(m -> entries.add(new Entry(m.name(), "message",
        m.status() == Status.RESERVED ? "messages.html"
            : "index.html#" + Anchors.constant(m.name()), m.summary())));
    registry.allFeatures().forEach(f -> entries.add(new Entry(f.name(), "feature",
        f.status() == Status.RESERVED ? "features.html"
            : "index.html#" + Anchors.constant(f.name()), f.summary())));
    for (Payload p : registry.payloads()) {
      entries.add(new Entry(p.name(), "payload", "index.html#" + Anchors.payload(p.name()),
          p.summary()));
      for (Field field : p.fields()) {
        entries.add(new Entry(p.name() + "." + field.name(), "field",
            "index.html#" + Anchors.field(p.name(), field.name()), field.summary()));
      }
    }
    Matcher heading = HEADING.matcher(specHtml);
    while (heading.find()) {
      String title = heading.group(3).replaceAll("<[^>]+>", "").replace("&#8217;", "'").strip();
      entries.add(new Entry(title, "section", "index.html#" + heading.group(2), ""));
    }
    for (RenderedRules.RenderedRule rule : RenderedRules.of(specHtml)) {
      entries.add(new Entry(rule.id(), "rule", "index.html#rule-" + rule.id(), rule.plainText()));
    }
    return entries;
  }

  /** The script that defines the index. */
  static String script(List<Entry> entries) {
    JsonWriter json = new JsonWriter().beginArray();
    for (Entry entry : entries) {
      json.beginObject().name("t").value(entry.title()).name("k").value(entry.kind())
          .name("u").value(entry.url()).name("s").value(entry.text() == null ? "" : entry.text())
          .endObject();
    }
    return "window.VU_SEARCH = " + json.endArray().toString().strip() + ";\n";
  }
}
