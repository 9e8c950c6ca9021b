package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Builds a registry folder for a test from the base fixture and one fixture's changes. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Copies {@code base} to {@code target}, then applies the files of {@code changes}: YAML files
   * replace registry tables, AsciiDoc files go beside the registry folder (where the prose
   * lives), and {@code delete.txt} names tables to remove.
   */
  static Path overlay(Path base, Path changes, Path target) throws IOException {
    Files.createDirectories(target);
    copyFiles(base, target);
    try (Stream<Path> files = Files.list(changes)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.equals("delete.txt")) {
          for (String gone : Files.readAllLines(file)) {
            Files.deleteIfExists(target.resolve(gone.trim()));
          }
        } else if (name.endsWith(".adoc")) {
          Files.copy(file, target.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
        } else if (!name.equals("expected.txt") && !name.equals("expected.json")) {
          Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }

  /** Copies every regular file of one folder into another. */
  static void copyFiles(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
