package org.vhostuser.spec.conform;

import java.util.List;
import java.util.Locale;
import org.vhostuser.spec.registry.JsonWriter;

/** Writes a conformance report as text, as Markdown (for a merge-request note) or as JSON. */
public enum ReportFormat {
  TEXT,
  MARKDOWN,
  JSON;

  /** The report in this format. */
  public String write(Conformance.Report report) {
    return switch (this) {
      case TEXT -> text(report);
      case MARKDOWN -> markdown(report);
      case JSON -> json(report);
    };
  }

  private static String text(Conformance.Report report) {
    StringBuilder out = new StringBuilder();
    for (Finding f : report.findings()) {
      out.append(where(f)).append(label(f.kind())).append(": ").append(f.detail()).append('\n');
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  private static String markdown(Conformance.Report report) {
    StringBuilder out = new StringBuilder("## vhost-user conformance\n\n");
    out.append(summary(report)).append("\n");
    for (Finding.Kind kind : Finding.Kind.values()) {
      List<Finding> of = report.findings().stream().filter(f -> f.kind() == kind).toList();
      if (of.isEmpty()) {
        continue;
      }
      out.append("\n### ").append(heading(kind)).append(" (").append(of.size()).append(")\n\n");
      out.append("| where | entry | found | specification | detail |\n|---|---|---|---|---|\n");
      for (Finding f : of) {
        out.append("| ").append(f.file() == null ? "" : "`" + f.file() + ":" + f.line() + "`")
            .append(" | ").append(f.entry() == null ? "" : "`" + f.entry() + "`")
            .append(" | ").append(f.found() == null ? "" : "`" + f.found() + "`"
                + (f.actual() == null ? "" : " = " + f.actual()))
            .append(" | ").append(f.expected() == null ? "" : f.expected())
            .append(" | ").append(f.detail().replace("|", "\\|")).append(" |\n");
      }
    }
    return out.toString();
  }

  private static String json(Conformance.Report report) {
    JsonWriter json = new JsonWriter().beginObject()
        .name("files").value((long) report.files())
        .name("constants").value((long) report.constants())
        .name("matched").value((long) report.matched())
        .name("findings").beginArray();
    for (Finding f : report.findings()) {
      json.beginObject()
          .name("kind").value(f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .name("entry").value(f.entry())
          .name("table").value(f.table())
          .name("found").value(f.found())
          .name("expected").value(f.expected())
          .name("actual").value(f.actual())
          .name("file").value(f.file() == null ? null : f.file().toString())
          .name("line").value(f.file() == null ? null : (long) f.line())
          .name("detail").value(f.detail())
          .endObject();
    }
    return json.endArray().endObject().toString();
  }

  private static String summary(Conformance.Report report) {
    long differ = count(report, Finding.Kind.NUMBER_DIFFERS);
    long otherValue = count(report, Finding.Kind.VALUE_DIFFERS);
    return report.files() + " file" + (report.files() == 1 ? "" : "s") + ", "
        + report.constants() + " " + report.noun() + " read, " + report.matched()
        + " matched the registry: " + differ + " with another number, "
        + (report.noun().equals(Conformance.Report.CONSTANTS)
            ? count(report, Finding.Kind.LIMIT_DIFFERS) + " with another limit, "
            : otherValue + " with another ioctl or payload, ")
        + count(report, Finding.Kind.MISSING) + " missing, "
        + count(report, Finding.Kind.EXTRA) + " extra, " + count(report, Finding.Kind.SPELLING)
        + " spelled differently";
  }

  private static long count(Conformance.Report report, Finding.Kind kind) {
    return report.findings().stream().filter(f -> f.kind() == kind).count();
  }

  private static String where(Finding f) {
    return f.file() == null ? "" : f.file() + ":" + f.line() + ": ";
  }

  private static String label(Finding.Kind kind) {
    return switch (kind) {
      case NUMBER_DIFFERS -> "error: number differs";
      case VALUE_DIFFERS -> "differs";
      case LIMIT_DIFFERS -> "limit differs";
      case MISSING -> "missing";
      case EXTRA -> "extra";
      case SPELLING -> "spelling";
    };
  }

  private static String heading(Finding.Kind kind) {
    return switch (kind) {
      case NUMBER_DIFFERS -> "Numbers that differ from the specification";
      case VALUE_DIFFERS -> "Ioctls and payloads that differ from the specification";
      case LIMIT_DIFFERS -> "Limits set otherwise than the specification";
      case MISSING -> "Entries of the specification not defined here";
      case EXTRA -> "Definitions the specification does not have";
      case SPELLING -> "Entries spelled differently";
    };
  }
}
