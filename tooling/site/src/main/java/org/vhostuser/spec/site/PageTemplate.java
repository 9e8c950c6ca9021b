package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The page chrome of {@code site/template.html}, filled in for each page: title, content, the
 * revision footer, the version switcher and, on a release's pages, the old-version banner. The
 * site navigation marks the page itself as the current one, and preformatted text, which may
 * scroll in its box, can be reached from the keyboard.
 */
final class PageTemplate {
  private static final String NAV_START = "<nav class=\"site-nav\"";
  /** Preformatted text may scroll sideways on a narrow screen, so keyboards must reach it. */
  private static final Pattern PRE = Pattern.compile("<pre(?=[ >])");

  private final String template;
  private final String footer;
  private final Versions versions;

  PageTemplate(Path siteFolder, String footer, Versions versions) throws IOException {
    this.template = SiteInputs.text(siteFolder.resolve("template.html"), siteFolder);
    this.footer = footer;
    this.versions = versions;
  }

  /** The revision line of the footer (HTML). */
  String revision() {
    return footer;
  }

  /** The page {@code file}: {@code content} is HTML, {@code title} is text. */
  String page(String file, String pageKind, String title, String content) {
    String page = template.replace("{{title}}", Html.escape(title)).replace("{{page}}", pageKind)
        .replace("{{revision}}", footer).replace("{{versions}}", versions.switcher(file))
        .replace("{{banner}}", versions.banner(file));
    int nav = page.indexOf(NAV_START);
    if (nav >= 0) {
      int end = page.indexOf("</nav>", nav);
      String link = "<a href=\"" + file + "\"";
      int at = page.indexOf(link + ">", nav);
      if (at >= 0 && at < end) {
        page = page.substring(0, at) + link + " aria-current=\"page\">"
            + page.substring(at + link.length() + 1);
      }
    }
    return page.replace("{{content}}", PRE.matcher(content).replaceAll("<pre tabindex=\"0\""));
  }
}
