package org.vhostuser.spec.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every internal link of the site points at a page and an anchor that exist. The
 * anchors of each page are kept, so after a change only the changed pages need checking.
 */
final class LinkChecker {
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
  private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]*)\"");

  /** Says where the source of a broken link is, better than the page and line, if it can. */
  interface Locator {
    Optional<String> locate(String page, int offset, String target);
  }

  private LinkChecker() {}

  /** Problems as {@code page:line: message}, for pages given by name and HTML. */
  static List<String> check(Map<String, String> pages, Set<String> otherFiles) {
    return check(pages, ids(pages), otherFiles, (page, offset, target) -> Optional.empty());
  }

  /** The anchors of each page. */
  static Map<String, Set<String>> ids(Map<String, String> pages) {
    Map<String, Set<String>> ids = new HashMap<>();
    pages.forEach((name, html) -> ids.put(name, ids(html)));
    return ids;
  }

  static Set<String> ids(String html) {
    Set<String> found = new HashSet<>();
    Matcher id = ID.matcher(html);
    while (id.find()) {
      found.add(id.group(1));
    }
    return found;
  }

  /**
   * Problems of the links of {@code pages}, against the anchors {@code ids} of every page of the
   * site (the checked ones included) and the site's other files.
   */
  static List<String> check(Map<String, String> pages, Map<String, Set<String>> ids,
      Set<String> otherFiles, Locator locator) {
    List<String> problems = new ArrayList<>();
    pages.forEach((name, html) -> {
      int[] lineStarts = null;
      Matcher href = HREF.matcher(html);
      while (href.find()) {
        String target = href.group(1).replace("&amp;", "&");
        if (target.isEmpty() || target.matches("^[a-z]+:.*") || target.startsWith("//")) {
          continue; // external, mailto: and the like are not checked here
        }
        int hash = target.indexOf('#');
        String page = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        String resolved = page.isEmpty() ? name
            : java.nio.file.Path.of(name).resolveSibling(page).normalize().toString();
        boolean pageExists = ids.containsKey(resolved) || otherFiles.contains(resolved);
        String problem = null;
        if (!pageExists) {
          problem = "link to missing page " + target;
        } else if (anchor != null && !anchor.isEmpty() && ids.containsKey(resolved)
            && !ids.get(resolved).contains(anchor)) {
          problem = "link to missing anchor " + target;
        }
        if (problem != null) {
          Optional<String> where = locator.locate(name, href.start(), target);
          if (where.isEmpty() && lineStarts == null) {
            lineStarts = lineStarts(html);
          }
          problems.add(where.orElseGet(lineStartsLocation(name, lineStarts, href.start()))
              + ": " + problem);
        }
      }
    });
    return problems;
  }

  private static Supplier<String> lineStartsLocation(
      String name, int[] lineStarts, int offset) {
    return () -> name + ":" + line(lineStarts, offset);
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int line(int[] lineStarts, int offset) {
    int index = java.util.Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }
}
