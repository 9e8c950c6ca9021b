package org.vhostuser.spec.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.JsonWriter;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.SourcePosition;

/**
 * A review in GitLab's code-quality report format, so validation problems and breaking changes
 * show in the merge-request widget: unapproved breaks are blockers, approved ones info.
 */
final class CodeQualityReport {
  private CodeQualityReport() {}

  static String write(Review review) {
    JsonWriter json = new JsonWriter().beginArray();
    for (Diagnostic d : review.validation()) {
      issue(json, d.message(), d.code().id(),
          d.severity() == Severity.ERROR ? "critical" : "minor",
          new SourcePosition(d.file(), d.line(), d.column()));
    }
    for (Verdict.Finding f : review.verdict().findings()) {
      Break b = f.found();
      String severity = f.approval() != null ? "info" : b.rule().breaksPeers() ? "blocker" : "minor";
      String approved = f.approval() != null ? " (approved: " + f.approval().reason() + ")" : "";
      issue(json, b.subject() + ": " + b.message() + approved, "breaking/" + b.rule().id(),
          severity, b.at());
    }
    return json.endArray() + "\n";
  }

  private static void issue(JsonWriter json, String description, String check, String severity,
      SourcePosition at) {
    String path = at.file().toString().replace('\\', '/');
    json.beginObject()
        .name("description").value(description)
        .name("check_name").value(check)
        .name("fingerprint").value(fingerprint(check + "\n" + path + "\n" + description))
        .name("severity").value(severity)
        .name("location").beginObject()
        .name("path").value(path)
        .name("lines").beginObject().name("begin").value((long) at.line()).endObject()
        .endObject()
        .endObject();
  }

  private static String fingerprint(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
