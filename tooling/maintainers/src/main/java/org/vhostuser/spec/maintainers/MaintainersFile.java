package org.vhostuser.spec.maintainers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.load.InputFiles;

/** Reads MAINTAINERS into sections and checks its format; every problem is a diagnostic. */
public final class MaintainersFile {
  static final Set<Character> TAGS = Set.of('M', 'R', 'L', 'S', 'F', 'X', 'W');
  static final Set<String> STATUSES = Set.of("Supported", "Maintained", "Odd Fixes", "Orphan");
  private static final Pattern ENTRY = Pattern.compile("^([A-Z]): (\\S.*)$");
  private static final Pattern PERSON =
      Pattern.compile("^([^<>]+ <[^<>@\\s]+@[^<>\\s]+>|(github|gitlab):[A-Za-z0-9-]+)$");

  private MaintainersFile() {}

  /** The sections of {@code file}; format problems go to {@code out}. */
  public static List<Section> read(Path file, Diagnostics out) throws IOException {
    Path folder = file.toAbsolutePath().normalize().getParent();
    List<String> lines = new String(InputFiles.read(file, folder == null ? file : folder,
        1024 * 1024, "MAINTAINERS files"), StandardCharsets.UTF_8).lines().toList();
    List<Section> sections = new ArrayList<>();
    String title = null;
    SourcePosition titleAt = null;
    List<Section.Entry> entries = new ArrayList<>();
    for (int i = 0; i <= lines.size(); i++) {
      String line = i < lines.size() ? lines.get(i) : "";
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (title != null) {
          sections.add(new Section(title, entries, titleAt));
        }
        title = null;
        entries = new ArrayList<>();
        continue;
      }
      SourcePosition at = new SourcePosition(file, i + 1, 1);
      if (title == null) {
        title = line.strip();
        titleAt = at;
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      if (!entry.matches()) {
        out.error(at, Code.MAINTAINERS_FORMAT, "expected 'T: value' (a tag letter, a colon,"
            + " one space, the value), found '" + line.strip() + "'");
      } else if (!TAGS.contains(entry.group(1).charAt(0))) {
        out.error(at, Code.MAINTAINERS_FORMAT, "unknown tag '" + entry.group(1)
            + ":'; tags are M, R, L, S, F, X and W");
      } else {
        entries.add(new Section.Entry(entry.group(1).charAt(0), entry.group(2).strip(), at));
      }
    }
    check(sections, out);
    return sections;
  }

  private static void check(List<Section> sections, Diagnostics out) {
    Map<String, SourcePosition> titles = new HashMap<>();
    for (Section section : sections) {
      SourcePosition first = titles.putIfAbsent(section.title(), section.at());
      if (first != null) {
        out.error(section.at(), Code.MAINTAINERS_FORMAT, "section title '" + section.title()
            + "' is already used at line " + first.line());
      }
      if (section.values('F').isEmpty()) {
        out.error(section.at(), Code.MAINTAINERS_FORMAT, "section '" + section.title()
            + "' has no F: line");
      }
      List<String> status = section.values('S');
      boolean maintained = !section.values('M').isEmpty();
      if (maintained && status.isEmpty()) {
        out.error(section.at(), Code.MAINTAINERS_FORMAT, "section '" + section.title()
            + "' has maintainers but no S: line");
      }
      for (Section.Entry entry : section.entries()) {
        if (entry.tag() == 'S' && !STATUSES.contains(entry.value())) {
          out.error(entry.at(), Code.MAINTAINERS_FORMAT, "status must be one of Supported,"
              + " Maintained, Odd Fixes, Orphan; found '" + entry.value() + "'");
        }
        if (entry.tag() == 'S' && entry.value().equals("Orphan") && maintained) {
          out.error(entry.at(), Code.MAINTAINERS_FORMAT, "an Orphan section has no M: line");
        }
        if ((entry.tag() == 'M' || entry.tag() == 'R') && !PERSON.matcher(entry.value()).matches()) {
          out.error(entry.at(), Code.MAINTAINERS_FORMAT, "expected 'Full Name <address>' or"
              + " 'github:USER', found '" + entry.value() + "'");
        }
        if ((entry.tag() == 'F' || entry.tag() == 'X') && entry.value().startsWith("/")) {
          out.error(entry.at(), Code.MAINTAINERS_FORMAT, "patterns are relative to the"
              + " repository root and never start with '/'");
        }
      }
    }
  }

  /** Reports every F: pattern that matches none of {@code files}. */
  public static void checkPatterns(List<Section> sections, List<String> files, Diagnostics out) {
    for (Section section : sections) {
      for (Section.Entry entry : section.entries()) {
        if (entry.tag() == 'F' && files.stream().noneMatch(f -> Glob.matches(entry.value(), f))) {
          out.error(entry.at(), Code.MAINTAINERS_PATTERN, "pattern '" + entry.value()
              + "' matches no file of the repository");
        }
      }
    }
  }
}
