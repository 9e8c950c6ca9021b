package org.vhostuser.spec.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Notices changes below some folders by comparing file names, sizes and modification times
 * between polls: simple, and the same on every platform and file system.
 */
final class ChangeWatcher {
  private final List<Path> folders;
  private Map<String, String> last;

  ChangeWatcher(List<Path> folders) {
    this.folders = List.copyOf(folders);
    this.last = snapshot();
  }

  /** True when something changed since the previous call. */
  boolean changed() {
    Map<String, String> now = snapshot();
    boolean changed = !now.equals(last);
    last = now;
    return changed;
  }

  private Map<String, String> snapshot() {
    Map<String, String> files = new TreeMap<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile).forEach(file -> {
          try {
            FileTime time = Files.getLastModifiedTime(file);
            files.put(file.toString(), Files.size(file) + "@" + time.toMillis());
          } catch (IOException e) {
            files.put(file.toString(), "unreadable");
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
