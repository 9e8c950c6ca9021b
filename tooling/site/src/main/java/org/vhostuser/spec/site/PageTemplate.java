package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Path;

/** The page chrome of {@code site/template.html}, filled in for each page. */
final class PageTemplate {
  private final String template;
  private final String footer;
  private final String versions;

  PageTemplate(Path siteFolder, String footer, String versions) throws IOException {
    this.template = SiteInputs.text(siteFolder.resolve("template.html"), siteFolder);
    this.footer = footer;
    this.versions = versions;
  }

  /** A whole page: {@code content} is HTML, {@code title} is text. */
  String page(String pageKind, String title, String content) {
    return template.replace("{{title}}", Html.escape(title)).replace("{{page}}", pageKind)
        .replace("{{revision}}", footer).replace("{{versions}}", versions)
        .replace("{{content}}", content);
  }
}
