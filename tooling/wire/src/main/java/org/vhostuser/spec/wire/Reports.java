package org.vhostuser.spec.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.WireRules;

/**
 * The reports of {@code trace check}: text ({@code FILE:LINE: error: ... [rule-id]} lines and the
 * rules broken, each linked to the spec), JSON, and JUnit XML with one test case per rule per file
 * so CI systems show which rules each transcript meets.
 */
public final class Reports {
  /** Code of a transcript line that is not a message of the format. */
  public static final String TRACE_FORMAT = "trace-format";

  private Reports() {}

  /** The link to a rule on the site: the spec page's {@code #rule-ID} anchor. */
  public static String link(String specUrl, String rule) {
    return specUrl + "#rule-" + rule;
  }

  /** One finding line, as the checker and the live recorder print it. */
  public static String line(String file, Finding f) {
    return file + ":" + f.line() + ": " + f.level().word() + ": " + f.message() + " [" + f.rule()
        + "]" + (f.quirk() == null ? "" : " (" + f.quirk() + ")");
  }

  /** The text report. */
  public static String text(List<TraceCheck.FileResult> results, String specUrl) {
    StringBuilder out = new StringBuilder();
    Map<String, Integer> broken = new TreeMap<>();
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    for (TraceCheck.FileResult r : results) {
      List<Map.Entry<Integer, String>> lines = new ArrayList<>();
      for (Transcript.Problem p : r.problems()) {
        lines.add(Map.entry(p.line(), r.file() + ":" + p.line() + ":" + p.column() + ": error: "
            + p.message() + " [" + TRACE_FORMAT + "]"));
        errors++;
      }
      for (Finding f : r.findings()) {
        lines.add(Map.entry(f.line(), line(r.file().toString(), f)));
        switch (f.level()) {
          case ERROR -> errors++;
          case WARNING -> warnings++;
          default -> notes++;
        }
        if (f.level() != Finding.Level.NOTE) {
          broken.merge(f.rule(), 1, Integer::sum);
        }
      }
      lines.sort(Map.Entry.comparingByKey());
      lines.forEach(l -> out.append(l.getValue()).append('\n'));
    }
    int messages = results.stream().mapToInt(TraceCheck.FileResult::messages).sum();
    out.append(String.format(Locale.ROOT, "%d messages in %d file%s: %d error%s, %d warning%s,"
            + " %d known quirk%s%n", messages, results.size(), plural(results.size()), errors,
        plural(errors), warnings, plural(warnings), notes, plural(notes)));
    if (!broken.isEmpty()) {
      out.append("rules broken:\n");
      broken.forEach((rule, count) -> out.append("  ").append(rule).append(" (").append(count)
          .append("): ").append(link(specUrl, rule)).append('\n'));
    }
    return out.toString();
  }

  /** The JSON report (format_version 1). */
  public static String json(List<TraceCheck.FileResult> results, String specUrl) {
    StringBuilder out = new StringBuilder("{\n  \"format_version\": 1,\n  \"files\": [");
    String fileSep = "\n";
    for (TraceCheck.FileResult r : results) {
      out.append(fileSep).append("    {\"file\": ").append(quote(r.file().toString()))
          .append(", \"messages\": ").append(r.messages()).append(", \"problems\": [");
      String sep = "";
      for (Transcript.Problem p : r.problems()) {
        out.append(sep).append("\n      {\"line\": ").append(p.line()).append(", \"column\": ")
            .append(p.column()).append(", \"code\": ").append(quote(TRACE_FORMAT))
            .append(", \"message\": ").append(quote(p.message())).append('}');
        sep = ",";
      }
      out.append(sep.isEmpty() ? "" : "\n    ").append("], \"findings\": [");
      sep = "";
      for (Finding f : r.findings()) {
        out.append(sep).append("\n      {\"line\": ").append(f.line())
            .append(", \"level\": ").append(quote(f.level().word()))
            .append(", \"rule\": ").append(quote(f.rule()))
            .append(", \"link\": ").append(quote(link(specUrl, f.rule())))
            .append(", \"side\": ").append(quote(f.side().yamlName()))
            .append(", \"message_name\": ").append(f.messageName() == null ? "null"
                : quote(f.messageName()))
            .append(", \"message\": ").append(quote(f.message()))
            .append(", \"quirk\": ").append(f.quirk() == null ? "null" : quote(f.quirk()))
            .append('}');
        sep = ",";
      }
      out.append(sep.isEmpty() ? "" : "\n    ").append("]}");
      fileSep = ",\n";
    }
    out.append("\n  ]\n}\n");
    return out.toString();
  }

  /**
   * JUnit XML: per file, one test case per rule the registry's wire rules cite (and any other
   * rule a finding cites), failed when an error or warning cites it; known quirks are reported as
   * system-out of their test case.
   */
  public static String junit(List<TraceCheck.FileResult> results, Registry registry,
      String specUrl) {
    TreeSet<String> rules = new TreeSet<>(citedRules(registry));
    results.forEach(r -> r.findings().forEach(f -> rules.add(f.rule())));
    StringBuilder body = new StringBuilder();
    int tests = 0;
    int failures = 0;
    for (TraceCheck.FileResult r : results) {
      List<String> cases = new ArrayList<>(rules);
      if (!r.problems().isEmpty()) {
        cases.add(0, TRACE_FORMAT);
      }
      for (String rule : cases) {
        tests++;
        StringBuilder failureText = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        if (rule.equals(TRACE_FORMAT)) {
          r.problems().forEach(p -> failureText.append(r.file()).append(':').append(p.line())
              .append(':').append(p.column()).append(": ").append(p.message()).append('\n'));
        }
        for (Finding f : r.findings()) {
          if (f.rule().equals(rule)) {
            (f.level() == Finding.Level.NOTE ? notes : failureText)
                .append(line(r.file().toString(), f)).append('\n');
          }
        }
        body.append("    <testcase classname=").append(attr(r.file().toString()))
            .append(" name=").append(attr(rule)).append('>');
        if (failureText.length() > 0) {
          failures++;
          body.append("\n      <failure message=").append(attr(rule.equals(TRACE_FORMAT)
              ? "lines that are not messages of the transcript format"
              : "breaks " + rule + ": " + link(specUrl, rule))).append('>').append(escape(failureText.toString()))
              .append("</failure>");
        }
        if (notes.length() > 0) {
          body.append("\n      <system-out>").append(escape(notes.toString()))
              .append("</system-out>");
        }
        body.append(failureText.length() > 0 || notes.length() > 0 ? "\n    " : "")
            .append("</testcase>\n");
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name="
        + attr("vhost-spec trace check") + " tests=\"" + tests + "\" failures=\"" + failures
        + "\" errors=\"0\" skipped=\"0\">\n" + body + "  </testsuite>\n</testsuites>\n";
  }

  /** Every rule id the registry's wire rules, requirements and quirks cite. */
  public static TreeSet<String> citedRules(Registry registry) {
    return new TreeSet<>(WireRules.citedRules(registry));
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String attr(String text) {
    return "\"" + escape(text).replace("\"", "&quot;") + "\"";
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
