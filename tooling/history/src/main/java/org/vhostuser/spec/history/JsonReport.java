package org.vhostuser.spec.history;

import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.JsonWriter;
import org.vhostuser.spec.registry.SourcePosition;

/** A review as JSON for other tools; keys in a fixed order, format versioned. */
final class JsonReport {
  static final long FORMAT_VERSION = 1;

  private JsonReport() {}

  static String write(Review review) {
    JsonWriter json = new JsonWriter().beginObject()
        .name("format_version").value(FORMAT_VERSION)
        .name("base").value(review.base())
        .name("head").value(review.head())
        .name("passes").value(!review.fails())
        .name("verdict").value(TextReport.verdictLine(review));
    json.name("validation").beginArray();
    for (Diagnostic d : review.validation()) {
      json.beginObject().name("severity").value(d.severity().label())
          .name("code").value(d.code().id());
      position(json, new SourcePosition(d.file(), d.line(), d.column()));
      json.name("message").value(d.message()).endObject();
    }
    json.endArray().name("breaks").beginArray();
    for (Verdict.Finding f : review.verdict().findings()) {
      Break b = f.found();
      json.beginObject().name("rule").value(b.rule().id())
          .name("severity").value(b.rule().severity())
          .name("kind").value(b.subject().kind())
          .name("entry").value(b.subject().name())
          .name("message").value(b.message());
      position(json, b.at());
      json.name("approved").value(f.approval() != null);
      if (f.approval() != null) {
        json.name("reason").value(f.approval().reason());
      }
      json.endObject();
    }
    json.endArray().name("changes").beginArray();
    for (Change c : review.changes()) {
      json.beginObject().name("change").value(c.kind().word())
          .name("kind").value(c.subject().kind())
          .name("entry").value(c.subject().name())
          .name("description").value(c.description());
      position(json, c.at());
      json.endObject();
    }
    json.endArray().name("generated").beginArray();
    for (GeneratedDiff.FileDiff diff : review.generated()) {
      json.beginObject().name("file").value(diff.file())
          .name("added").value((long) diff.added())
          .name("removed").value((long) diff.removed()).endObject();
    }
    return json.endArray().endObject() + "\n";
  }

  private static void position(JsonWriter json, SourcePosition at) {
    json.name("file").value(at.file().toString().replace('\\', '/'))
        .name("line").value((long) at.line())
        .name("column").value((long) at.column());
  }
}
