package org.vhostuser.spec.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A review as a plain-text e-mail that a bot sends to the mailing lists, so that reviewers who
 * work by e-mail review the change where they always have: a subject, the summary (verdict, the
 * review rule, the protocol changes, every new or changed entry in full), the breaking changes,
 * the prose sections touched, how an acknowledgement sent by e-mail reaches the merge request,
 * and the patch of the specification's files.
 */
final class EmailReport {
  /** Lines of the patch beyond this are left out, with a line saying where the rest is. */
  static final int MAX_PATCH_LINES = 3000;

  private EmailReport() {}

  static String write(Review review) {
    Review.Context context = review.context();
    StringBuilder out = new StringBuilder();
    String title = context.title() != null && !context.title().isBlank() ? context.title()
        : "the specification from " + review.base() + " to " + review.head();
    out.append("Subject: [PATCH vhost-user spec] ").append(oneLine(title)).append('\n')
        .append("MIME-Version: 1.0\n")
        .append("Content-Type: text/plain; charset=UTF-8\n")
        .append("Content-Transfer-Encoding: 8bit\n")
        .append("X-Vhost-Spec-Verdict: ")
        .append(TextReport.verdictLine(review).substring("verdict: ".length())).append("\n\n");
    if (context.link() != null) {
      out.append("Merge request: ").append(context.link()).append('\n');
    }
    if (context.previewUrl() != null) {
      out.append("Rendered: ").append(context.previewUrl()).append("index.html\n");
    }
    out.append("Compared: ").append(review.base()).append(" -> ").append(review.head())
        .append("\n\n");

    heading(out, "Summary");
    out.append(capitalize(TextReport.verdictLine(review).substring("verdict: ".length())))
        .append(".\n\n").append(plain(MarkdownReport.reviewRule(review))).append("\n\n");
    if (review.changes().isEmpty()) {
      out.append("No change to the registry.\n\n");
    } else {
      for (Change change : review.changes()) {
        out.append(String.format("  %-10s %s: %s%n", change.kind().word(), change.subject(),
            change.description()));
      }
      out.append('\n');
    }
    String entries = EntryMarkdown.write(review.headRegistry(), review.changes(), null);
    if (!entries.isEmpty()) {
      heading(out, "New and changed entries, in full");
      out.append(plain(entries)).append('\n');
    }

    heading(out, "Breaking changes");
    if (review.verdict().findings().isEmpty()) {
      out.append("None.\n\n");
    } else {
      for (Verdict.Finding f : review.verdict().findings()) {
        out.append("  [").append(f.found().rule().id()).append("] ").append(f.found().subject())
            .append(": ").append(f.found().message()).append(" (")
            .append(f.approval() != null ? "approved: " + f.approval().reason()
                : f.found().rule().breaksPeers() ? "NOT approved" : "warning")
            .append(")\n");
      }
      out.append('\n');
    }

    if (!review.validation().isEmpty()) {
      heading(out, "Validation");
      review.validation().forEach(d -> out.append("  ").append(d.format()).append('\n'));
      out.append('\n');
    }

    heading(out, "Prose sections changed");
    if (review.prose().isEmpty()) {
      out.append("None.\n\n");
    } else {
      review.prose().forEach(s -> out.append("  ").append(s.file()).append(": ").append(s.title())
          .append(" (").append(s.kind().word()).append(")\n"));
      out.append('\n');
    }

    if (!review.context().approvers().isEmpty() || !review.context().copied().isEmpty()) {
      heading(out, "Maintainers and reviewers (MAINTAINERS)");
      review.context().approvers().forEach(a -> out.append("  ").append(a).append('\n'));
      review.context().copied().forEach(a -> out.append("  ").append(a).append('\n'));
      out.append('\n');
    }

    heading(out, "Reviewing by e-mail");
    out.append("Reply to this message on the list, quoting what you comment on. To acknowledge\n"
        + "the change, put one line in your reply, alone, for example:\n\n"
        + "  Acked-by: Jane Doe <jane@example.org> (DPDK)\n"
        + "  Reviewed-by: Jane Doe <jane@example.org> (DPDK)\n\n"
        + "The list bot copies every such line, with a link to your message, into the merge\n"
        + "request, where it counts like an acknowledgement given there; the maintainer who\n"
        + "merges adds the lines to the commits as trailers.\n\n");

    out.append("---\n");
    String[] lines = review.patch().split("\n", -1);
    if (lines.length > MAX_PATCH_LINES) {
      for (int i = 0; i < MAX_PATCH_LINES; i++) {
        out.append(lines[i]).append('\n');
      }
      out.append("[... ").append(lines.length - MAX_PATCH_LINES)
          .append(" more lines: see the merge request]\n");
    } else {
      out.append(review.patch());
    }
    return out.toString();
  }

  private static void heading(StringBuilder out, String title) {
    out.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
  }

  /** The Markdown the review shares with the note, as plain text. */
  static String plain(String markdown) {
    List<String> lines = new ArrayList<>();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("|---") || line.equals("| | |")) {
        continue;
      }
      if (line.startsWith("#### ")) {
        lines.add(unmark(line.substring(5)));
        continue;
      }
      if (line.startsWith("| ") && line.endsWith(" |")) {
        String[] cells = line.substring(2, line.length() - 2).split(" (?<!\\\\)\\| ", -1);
        lines.add("  " + (cells.length == 2 ? unmark(cells[0]) + ": " + unmark(cells[1])
            : String.join("  ", java.util.Arrays.stream(cells).map(EmailReport::unmark)
                .toList())));
        continue;
      }
      lines.add(unmark(line));
    }
    return String.join("\n", lines);
  }

  private static String unmark(String text) {
    return text.replace("**", "").replace("`", "").replace("\\|", "|").replace("&lt;", "<")
        .replace("\\\\", "\\");
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ').strip();
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
