package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of the site a page can switch to (the living version and every release), and the
 * banner of a release's pages. Each switcher link points at the same page of the other version
 * ({@link #pointAtExistingPages} then sends a link whose page that version lacks to its home
 * page); the site's script adds the reader's anchor to the links.
 */
final class Versions {
  private static final Pattern VERSION_LINK =
      Pattern.compile("<a class=\"version-link\" href=\"([^\"#]*)\"");

  private final List<ReleaseSnapshots.Release> releases;
  private final String current;
  private final String toRoot;

  /**
   * The versions seen from a page of {@code current} (null for the living version) whose site
   * root is {@code toRoot} away.
   */
  Versions(List<ReleaseSnapshots.Release> releases, String current, String toRoot) {
    this.releases = List.copyOf(releases);
    this.current = current;
    this.toRoot = toRoot;
  }

  /** The switcher shown on {@code page}; empty when there is no release. */
  String switcher(String page) {
    if (releases.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<details class=\"versions\"><summary>Version: ")
        .append(current == null ? "latest" : Html.escape(current))
        .append("</summary>\n<ul aria-label=\"Versions\">");
    html.append(item(current == null, toRoot + page, "latest"));
    for (int i = releases.size() - 1; i >= 0; i--) {
      String tag = releases.get(i).tag();
      html.append(item(tag.equals(current),
          toRoot + "releases/" + Html.escape(tag) + "/" + page, Html.escape(tag)));
    }
    return html.append("</ul></details>").toString();
  }

  /** The banner of a release's {@code page}, linking to the living version; empty for it. */
  String banner(String page) {
    if (current == null) {
      return "";
    }
    return "<p class=\"old-version\" role=\"note\">This is release <strong>"
        + Html.escape(current) + "</strong>, an earlier version of the specification. "
        + "<a class=\"version-link\" href=\"" + toRoot + page
        + "\">Read this page in the living version</a>.</p>";
  }

  private static String item(boolean current, String href, String label) {
    return current ? "<li><a class=\"version-link\" href=\"" + href.substring(href.lastIndexOf('/') + 1)
        + "\" aria-current=\"page\">" + label + "</a></li>"
        : "<li><a class=\"version-link\" href=\"" + href + "\">" + label + "</a></li>";
  }

  /**
   * Rewrites, in the written {@code pages} below {@code out}, every version link whose page the
   * target version does not have into a link to that version's home page.
   */
  static void pointAtExistingPages(Path out, List<String> pages) throws IOException {
    for (String name : pages) {
      if (!name.endsWith(".html")) {
        continue;
      }
      Path file = out.resolve(name);
      String html = Files.readString(file, StandardCharsets.UTF_8);
      Matcher link = VERSION_LINK.matcher(html);
      StringBuilder fixed = new StringBuilder();
      boolean changed = false;
      while (link.find()) {
        String href = link.group(1);
        boolean exists = Files.isRegularFile(file.resolveSibling(href).normalize());
        String target = exists ? href : href.substring(0, href.lastIndexOf('/') + 1) + "index.html";
        changed |= !exists;
        link.appendReplacement(fixed,
            Matcher.quoteReplacement("<a class=\"version-link\" href=\"" + target + "\""));
      }
      link.appendTail(fixed);
      if (changed) {
        Files.writeString(file, fixed.toString(), StandardCharsets.UTF_8);
      }
    }
  }
}
