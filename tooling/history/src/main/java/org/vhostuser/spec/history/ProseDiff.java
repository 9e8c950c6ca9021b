package org.vhostuser.spec.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a change does to the prose, section by section: every section of every chapter that was
 * added, removed or changed, with the unified diff of its text, so a reviewer reads the new
 * wording in place without opening the files.
 */
public final class ProseDiff {
  /** One section that changed: its chapter file, its title, what happened and the diff. */
  public record Section(String file, String title, Change.Kind kind, String diff, int added,
      int removed) {}

  private static final Pattern TITLE = Pattern.compile("^(={1,6}) +(\\S.*?)\\s*$");
  private static final Pattern FENCE = Pattern.compile("^(-{4,}|\\.{4,}|/{4,}|\\+{4,})\\s*$");
  /** What the text of a chapter before its first title is called. */
  static final String PREAMBLE = "(before the first title)";

  private ProseDiff() {}

  /**
   * The changed sections between two versions of the prose: chapter file name to its bytes,
   * before and after.
   */
  public static List<Section> of(Map<String, byte[]> before, Map<String, byte[]> after) {
    TreeSet<String> files = new TreeSet<>();
    before.keySet().stream().filter(n -> n.endsWith(".adoc")).forEach(files::add);
    after.keySet().stream().filter(n -> n.endsWith(".adoc")).forEach(files::add);
    List<Section> changed = new ArrayList<>();
    for (String file : files) {
      Map<String, String> old = sections(text(before.get(file)));
      Map<String, String> now = sections(text(after.get(file)));
      for (Map.Entry<String, String> section : now.entrySet()) {
        String was = old.get(section.getKey());
        if (!section.getValue().equals(was)) {
          add(changed, file, section.getKey(), was == null ? Change.Kind.ADDED
              : Change.Kind.CHANGED, was == null ? "" : was, section.getValue());
        }
      }
      old.forEach((title, text) -> {
        if (!now.containsKey(title)) {
          add(changed, file, title, Change.Kind.REMOVED, text, "");
        }
      });
    }
    return changed;
  }

  private static void add(List<Section> changed, String file, String title, Change.Kind kind,
      String before, String after) {
    GeneratedDiff.FileDiff diff = GeneratedDiff.diff(file, before, after);
    String body = diff.unified().substring(diff.unified().indexOf("\n@@") + 1);
    changed.add(new Section(file, title, kind, body, diff.added(), diff.removed()));
  }

  /** The sections of one chapter by title (repeated titles numbered), in order. */
  static Map<String, String> sections(String text) {
    Map<String, String> sections = new LinkedHashMap<>();
    if (text == null) {
      return sections;
    }
    String title = PREAMBLE;
    StringBuilder body = new StringBuilder();
    String fence = null;
    for (String line : text.split("\n", -1)) {
      var fenceMatch = FENCE.matcher(line);
      if (fenceMatch.matches()) {
        fence = fence == null ? line.strip() : line.strip().equals(fence) ? null : fence;
      }
      var titleMatch = TITLE.matcher(line);
      if (fence == null && titleMatch.matches()) {
        put(sections, title, body);
        title = titleMatch.group(2);
        body = new StringBuilder();
      }
      body.append(line).append('\n');
    }
    put(sections, title, body);
    return sections;
  }

  private static void put(Map<String, String> sections, String title, StringBuilder body) {
    if (title.equals(PREAMBLE) && body.toString().isBlank()) {
      return;
    }
    String key = title;
    for (int n = 2; sections.containsKey(key); n++) {
      key = title + " (" + n + ")";
    }
    sections.put(key, body.toString());
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
