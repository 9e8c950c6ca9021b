package org.vhostuser.spec.history;

import org.vhostuser.spec.registry.Diagnostic;

/**
 * A review as one GitLab merge-request note that a reviewer can act on alone: the verdict, the
 * link to the merge request's rendered site, who must approve, validation, the breaking changes
 * with their rule ids, the protocol changes, every new or changed entry in full, the prose
 * changes section by section, and the change to the generated files.
 */
final class MarkdownReport {
  /** Longer diffs of a generated file are cut, with a line saying so. */
  static final int MAX_DIFF_LINES = 400;
  /** The first line of every note: how the pipeline finds its own note to update it. */
  static final String MARKER = "<!-- vhost-spec-review -->";

  private MarkdownReport() {}

  static String write(Review review) {
    StringBuilder out = new StringBuilder(MARKER).append('\n');
    out.append("## vhost-user specification review: `").append(code(review.base()))
        .append("` → ").append(review.head().equals(Review.WORKING_TREE) ? "working tree"
            : "`" + code(review.head()) + "`").append("\n\n");
    boolean fails = review.fails();
    out.append(fails ? "**:x: " : "**:white_check_mark: ")
        .append(capitalize(TextReport.verdictLine(review).substring("verdict: ".length())))
        .append(".**\n\n");

    Review.Context context = review.context();
    if (context.previewUrl() != null) {
      out.append("**Rendered specification of this merge request:** ")
          .append(context.previewUrl()).append("index.html (new and changed cards are linked"
              + " below).\n\n");
    }
    approval(out, review);

    out.append("### Validation\n\n");
    if (review.validation().isEmpty()) {
      out.append("No problems.\n\n");
    } else {
      out.append("| Severity | Where | Problem | Rule |\n|---|---|---|---|\n");
      for (Diagnostic d : review.validation()) {
        out.append("| ").append(d.severity().label()).append(" | `").append(code(d.file() + ":"
            + d.line() + ":" + d.column())).append("` | ").append(cell(d.message())).append(" | `")
            .append(d.code().id()).append("` |\n");
      }
      out.append('\n');
    }

    out.append("### Breaking changes\n\n");
    if (review.verdict().findings().isEmpty()) {
      out.append("None.\n\n");
    } else {
      out.append("| | Rule | Entry | What | Where | Approval |\n|---|---|---|---|---|---|\n");
      for (Verdict.Finding f : review.verdict().findings()) {
        Break b = f.found();
        String mark = f.approval() != null ? ":ballot_box_with_check:"
            : b.rule().breaksPeers() ? ":x:" : ":warning:";
        out.append("| ").append(mark).append(" | `").append(b.rule().id()).append("` | ")
            .append(cell(b.subject().kind())).append(" `").append(code(b.subject().name()))
            .append("` | ").append(cell(b.message())).append(" | `")
            .append(code(b.at().file() + ":" + b.at().line())).append("` | ")
            .append(f.approval() == null ? (b.rule().breaksPeers()
                ? "not approved" : "warning") : cell("approved: " + f.approval().reason()))
            .append(" |\n");
      }
      out.append("\nAn intentional break is approved by adding an entry (rule, entry, reason) to"
          + " `spec/registry/accepted-breaks.yaml` in this merge request.\n\n");
    }

    out.append("### Protocol changes\n\n");
    if (review.changes().isEmpty()) {
      out.append("None.\n\n");
    } else {
      out.append("| Change | Entry | Details |\n|---|---|---|\n");
      for (Change c : review.changes()) {
        out.append("| ").append(c.kind().word()).append(" | ").append(cell(c.subject().kind()))
            .append(" `").append(code(c.subject().name())).append("` | ")
            .append(cell(c.description())).append(" |\n");
      }
      out.append('\n');
    }

    String entries = EntryMarkdown.write(review.headRegistry(), review.changes(),
        context.previewUrl());
    if (!entries.isEmpty()) {
      out.append("### New and changed entries, in full\n\n").append(entries);
    }

    out.append("### Prose changes\n\n");
    if (review.prose().isEmpty()) {
      out.append("None.\n\n");
    } else {
      for (ProseDiff.Section section : review.prose()) {
        out.append("#### `").append(code(section.file())).append("`: ")
            .append(cell(section.title())).append(" (").append(section.kind().word())
            .append(", +").append(section.added()).append(" −").append(section.removed())
            .append(")\n\n```diff\n").append(cut(section.diff())).append("```\n\n");
      }
    }

    out.append("### Generated files\n\n");
    boolean any = false;
    for (GeneratedDiff.FileDiff diff : review.generated()) {
      if (diff.unified().isEmpty()) {
        continue;
      }
      any = true;
      out.append("<details><summary><code>").append(diff.file()).append("</code>: +")
          .append(diff.added()).append(" −").append(diff.removed())
          .append(" lines</summary>\n\n```diff\n").append(cut(diff.unified()))
          .append("```\n\n</details>\n\n");
    }
    if (!any) {
      out.append("No change to the generated JSON, C and Rust.\n\n");
    }
    return out.toString();
  }

  /** Who must approve, by MAINTAINERS, and which review rule of CONTRIBUTING.md applies. */
  private static void approval(StringBuilder out, Review review) {
    out.append("### Who must approve\n\n");
    out.append(reviewRule(review)).append("\n\n");
    Review.Context context = review.context();
    if (!context.approvers().isEmpty()) {
      out.append("Maintainers of the files this change touches (one of them merges):\n\n");
      context.approvers().forEach(a -> out.append("- ").append(cell(a)).append('\n'));
      out.append('\n');
    }
    if (!context.copied().isEmpty()) {
      out.append("Reviewers and lists to copy:\n\n");
      context.copied().forEach(a -> out.append("- ").append(cell(a)).append('\n'));
      out.append('\n');
    }
  }

  /** The review rule of CONTRIBUTING.md that this change falls under. */
  static String reviewRule(Review review) {
    var head = review.headRegistry();
    java.util.Set<String> reserved = new java.util.HashSet<>();
    if (head != null) {
      head.allMessages().filter(m -> m.status() == org.vhostuser.spec.registry.Status.RESERVED)
          .forEach(m -> reserved.add(m.name()));
      head.allFeatures().filter(f -> f.status() == org.vhostuser.spec.registry.Status.RESERVED)
          .forEach(f -> reserved.add(f.name()));
    }
    boolean onlyReservations = !review.changes().isEmpty() && review.changes().stream()
        .allMatch(c -> c.kind() == Change.Kind.ADDED && reserved.contains(c.subject().name()));
    boolean wire = review.changes().stream()
        .anyMatch(c -> !c.description().startsWith("summary "));
    if (onlyReservations) {
      return "**A reservation:** one maintainer's review; no design agreement is needed.";
    }
    if (wire) {
      return "**A wire change:** acknowledgements (`Acked-by:` or `Reviewed-by:`) from at least"
          + " two different implementations, not counting the author's own; a break also needs"
          + " every implementation it affects.";
    }
    if (!review.prose().isEmpty() || !review.changes().isEmpty()) {
      return "**A clarification or editorial change:** one review, by a maintainer or a"
          + " reviewer of the section.";
    }
    return "**No change to the specification:** the maintainers of the files it touches"
        + " review it.";
  }

  private static String cut(String unified) {
    String[] lines = unified.split("\n", -1);
    if (lines.length <= MAX_DIFF_LINES) {
      return unified.replace("```", "`\u200b``");
    }
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < MAX_DIFF_LINES; i++) {
      kept.append(lines[i]).append('\n');
    }
    kept.append("... ").append(lines.length - MAX_DIFF_LINES)
        .append(" more lines: run `vhost-spec diff` locally for the whole diff\n");
    return kept.toString().replace("```", "`\u200b``");
  }

  /** Text safe inside a table cell: no pipes, no line breaks, no stray HTML. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
        .replace("\n", " ");
  }

  /** Text safe inside a code span. */
  static String code(String text) {
    return text.replace("`", "'").replace("|", "\\|").replace("\n", " ");
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
