package org.vhostuser.spec.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that every internal link of the site points at a page and an anchor that exist. */
final class LinkChecker {
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
  private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]*)\"");

  private LinkChecker() {}

  /** Problems as {@code page:line: message}, for pages given by name and HTML. */
  static List<String> check(Map<String, String> pages, Set<String> otherFiles) {
    Map<String, Set<String>> ids = new HashMap<>();
    pages.forEach((name, html) -> {
      Set<String> found = new HashSet<>();
      Matcher id = ID.matcher(html);
      while (id.find()) {
        found.add(id.group(1));
      }
      ids.put(name, found);
    });
    List<String> problems = new ArrayList<>();
    pages.forEach((name, html) -> {
      int[] lineStarts = lineStarts(html);
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
        if (!pageExists) {
          problems.add(name + ":" + line(lineStarts, href.start()) + ": link to missing page " + target);
        } else if (anchor != null && !anchor.isEmpty() && ids.containsKey(resolved)
            && !ids.get(resolved).contains(anchor)) {
          problems.add(name + ":" + line(lineStarts, href.start()) + ": link to missing anchor " + target);
        }
      }
    });
    return problems;
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
