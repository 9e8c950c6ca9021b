package org.vhostuser.spec.site;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * Renders the project's Markdown documents (README, CONTRIBUTING) as pages. Raw HTML in them is
 * escaped, not passed through, and links between them point at their pages.
 */
final class MarkdownPages {
  private final Parser parser;
  private final HtmlRenderer renderer;

  MarkdownPages() {
    MutableDataSet options = new MutableDataSet()
        .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
        .set(HtmlRenderer.ESCAPE_HTML, true)
        .set(HtmlRenderer.GENERATE_HEADER_ID, true)
        .set(HtmlRenderer.RENDER_HEADER_ID, true);
    parser = Parser.builder(options).build();
    renderer = HtmlRenderer.builder(options).build();
  }

  /** The HTML of a Markdown document, with links to sibling documents rewritten to pages. */
  String render(String markdown) {
    String html = renderer.render(parser.parse(markdown));
    return html.replace("href=\"CONTRIBUTING.md", "href=\"contributing.html")
        .replace("href=\"README.md", "href=\"readme.html")
        .replace("href=\"MAINTAINERS\"", "href=\"maintainers.html\"")
        .replace("href=\"tooling/BENCHMARKS.md", "href=\"benchmarks.html");
  }

  /** A plain-text document (MAINTAINERS) shown as preformatted, escaped text. */
  static String preformatted(String title, String text) {
    return "<h1>" + Html.escape(title) + "</h1>\n<pre class=\"plain-document\">"
        + Html.escape(text) + "</pre>\n";
  }
}
