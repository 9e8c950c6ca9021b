package org.vhostuser.spec.site;

import java.util.List;

/** The version switcher shown on every page: the living version and every release. */
final class Versions {
  private Versions() {}

  /**
   * The switcher's HTML for a page of {@code current} (null for the living version) whose
   * site root is {@code toRoot} away; empty when there is no release.
   */
  static String html(List<ReleaseSnapshots.Release> releases, String current, String toRoot) {
    if (releases.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<nav class=\"versions\" aria-label=\"Versions\">"
        + "<span>Version:</span> ");
    html.append(item(current == null, toRoot + "index.html", "latest"));
    for (int i = releases.size() - 1; i >= 0; i--) {
      String tag = releases.get(i).tag();
      html.append(" ").append(item(tag.equals(current),
          toRoot + "releases/" + Html.escape(tag) + "/index.html", Html.escape(tag)));
    }
    return html.append("</nav>").toString();
  }

  private static String item(boolean current, String href, String label) {
    return current ? "<strong aria-current=\"page\">" + label + "</strong>"
        : "<a href=\"" + href + "\">" + label + "</a>";
  }
}
