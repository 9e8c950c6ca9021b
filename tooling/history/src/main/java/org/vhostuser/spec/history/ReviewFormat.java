package org.vhostuser.spec.history;

import java.util.Locale;

/**
 * The forms a review is written in: for a terminal, a merge-request note, tools, GitLab's widget,
 * and a plain-text e-mail for the mailing lists.
 */
public enum ReviewFormat {
  TEXT, MARKDOWN, JSON, CODEQUALITY, EMAIL;

  /** The name used on the command line. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The review written in this format. */
  public String write(Review review) {
    return switch (this) {
      case TEXT -> TextReport.write(review);
      case MARKDOWN -> MarkdownReport.write(review);
      case JSON -> JsonReport.write(review);
      case CODEQUALITY -> CodeQualityReport.write(review);
      case EMAIL -> EmailReport.write(review);
    };
  }
}
