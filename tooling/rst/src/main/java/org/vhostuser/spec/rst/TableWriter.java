package org.vhostuser.spec.rst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes imported tables into a folder so that no reader ever sees a half-written file: a new
 * folder is filled beside its place and moved there whole; in an existing folder each file is
 * written to a temporary name and moved over the old one.
 */
public final class TableWriter {
  private TableWriter() {}

  /** Writes {@code tables} (file name to content) into {@code folder}. */
  public static void write(Path folder, Map<String, String> tables) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      Path parent = absolute.getParent();
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".");
      try {
        for (Map.Entry<String, String> table : tables.entrySet()) {
          Files.writeString(staging.resolve(table.getKey()), table.getValue(),
              StandardCharsets.UTF_8);
        }
        move(staging, absolute);
      } finally {
        deleteTree(staging);
      }
      return;
    }
    List<Path> temporary = new ArrayList<>();
    try {
      for (Map.Entry<String, String> table : tables.entrySet()) {
        Path temp = Files.createTempFile(absolute, "." + table.getKey() + ".", ".tmp");
        temporary.add(temp);
        Files.writeString(temp, table.getValue(), StandardCharsets.UTF_8);
      }
      int i = 0;
      for (String name : tables.keySet()) {
        move(temporary.get(i++), absolute.resolve(name));
      }
    } finally {
      for (Path temp : temporary) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** True when {@code folder} exists and holds at least one entry. */
  public static boolean isNonEmptyFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
