package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything a site is made from (the spec folder, the site chrome, the project
 * documents, the toolchain version and the revision), so an unchanged site is not rendered again.
 */
final class InputHash {
  private InputHash() {}

  static String of(List<Path> inputs, String salt) throws IOException {
    return of(inputs, salt, file -> true);
  }

  /** As {@link #of(List, String)}, over only the files {@code included} accepts. */
  static String of(List<Path> inputs, String salt, Predicate<Path> included) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (Path input : inputs) {
        if (Files.isDirectory(input)) {
          try (Stream<Path> files = Files.walk(input)) {
            for (Path file : files.filter(InputHash::isFileOrLink).filter(included).sorted()
                .toList()) {
              add(digest, file);
            }
          }
        } else if (isFileOrLink(input) && included.test(input)) {
          add(digest, input);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Regular files are hashed by content; symbolic links by where they point, never followed. */
  private static boolean isFileOrLink(Path file) {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file);
  }

  private static void add(MessageDigest digest, Path file) throws IOException {
    digest.update((file.toString() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (Files.isSymbolicLink(file)) {
      digest.update(("-> " + Files.readSymbolicLink(file)).getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
    } else {
      digest.update(Files.readAllBytes(file));
    }
  }
}
