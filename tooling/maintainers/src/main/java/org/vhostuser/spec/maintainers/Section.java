package org.vhostuser.spec.maintainers;

import java.util.List;
import org.vhostuser.spec.registry.SourcePosition;

/** One section of MAINTAINERS: a title and its tagged entries. */
public record Section(String title, List<Entry> entries, SourcePosition at) {
  public Section {
    entries = List.copyOf(entries);
  }

  /** One {@code T: value} line. */
  public record Entry(char tag, String value, SourcePosition at) {}

  /** The values of one tag, in file order. */
  public List<String> values(char tag) {
    return entries.stream().filter(e -> e.tag() == tag).map(Entry::value).toList();
  }

  /** True when a file (a repository-relative path with '/') is this section's. */
  public boolean covers(String path) {
    return values('F').stream().anyMatch(p -> Glob.matches(p, path))
        && values('X').stream().noneMatch(p -> Glob.matches(p, path));
  }
}
