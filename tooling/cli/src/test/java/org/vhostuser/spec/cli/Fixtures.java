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
   * replace registry tables, AsciiDoc files and the prose's allow-list go beside the registry
   * folder (where the prose lives), {@code delete.txt} names tables to remove, and
   * {@code special.txt} makes what git cannot hold: {@code link NAME TARGET} a symbolic link,
   * {@code fifo NAME} a FIFO (an AsciiDoc NAME beside the registry folder, others in it).
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
        } else if (name.equals("special.txt")) {
          for (String line : Files.readAllLines(file)) {
            special(target, line.trim().split(" "));
          }
        } else if (name.endsWith(".adoc") || name.equals("allowed-markup.txt")) {
          Files.copy(file, target.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
        } else if (!name.equals("expected.txt") && !name.equals("expected.json")) {
          Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }

  private static void special(Path registry, String[] words) throws IOException {
    Path place = words[1].endsWith(".adoc") ? registry.resolveSibling(words[1])
        : registry.resolve(words[1]);
    Files.deleteIfExists(place);
    if (words[0].equals("link")) {
      Files.createSymbolicLink(place, Path.of(words[2]));
    } else if (words[0].equals("fifo")) {
      try {
        if (new ProcessBuilder("mkfifo", place.toString()).start().waitFor() != 0) {
          throw new IOException("mkfifo " + place + " failed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    } else {
      throw new IllegalArgumentException("special.txt: unknown kind " + words[0]);
    }
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
