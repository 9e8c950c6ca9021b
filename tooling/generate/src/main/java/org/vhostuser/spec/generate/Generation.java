package org.vhostuser.spec.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vhostuser.spec.registry.Registry;

/** Generates the selected languages, writes them safely, or checks a folder against them. */
public final class Generation {
  private Generation() {}

  /** The files for {@code languages} in the default profile, in the order of {@link Language}. */
  public static List<GeneratedFile> generate(
      Registry registry, Provenance provenance, Set<Language> languages, String cPrefix) {
    return generate(registry, provenance, languages, Profiles.defaults(), cPrefix);
  }

  /**
   * The files for {@code languages} in {@code profile}'s style, in the order of
   * {@link Language}; a language the profile does not write is left out (JSON is the same in
   * every profile).
   */
  public static List<GeneratedFile> generate(Registry registry, Provenance provenance,
      Set<Language> languages, Profile profile, String cPrefix) {
    List<GeneratedFile> files = new ArrayList<>();
    for (Language language : Language.values()) {
      if (languages.contains(language)
          && (language == Language.JSON || profile.languages().contains(language))) {
        files.add(switch (language) {
          case JSON -> JsonExport.generate(registry, provenance);
          case C -> CHeader.generate(registry, provenance, profile, cPrefix);
          case RUST -> RustModule.generate(registry, provenance, profile);
        });
      }
    }
    return files;
  }

  /**
   * Writes each file into {@code folder} through a temporary file in the same folder and an
   * atomic rename, so a reader never sees a half-written file. Unchanged files are not touched.
   */
  public static void write(List<GeneratedFile> files, Path folder) throws IOException {
    writeFiles(files, folder);
  }

  /** Writes one file the same way: a temporary file beside it, then an atomic rename. */
  public static void write(Path file, String content) throws IOException {
    Path absolute = file.toAbsolutePath();
    writeFiles(List.of(new GeneratedFile(absolute.getFileName().toString(), content)),
        absolute.getParent());
  }

  private static void writeFiles(List<GeneratedFile> files, Path folder) throws IOException {
    Files.createDirectories(folder);
    for (GeneratedFile file : files) {
      Path target = folder.resolve(file.name());
      byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
        continue;
      }
      Path temporary = Files.createTempFile(folder, "." + file.name(), ".tmp");
      try {
        Files.write(temporary, bytes);
        readableByAll(temporary);
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Temporary files are private to their owner; generated files are ordinary, readable ones. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions apply
    }
  }

  /** How one file in a checked folder differs from what would be generated. */
  public record Difference(String file, String problem) {}

  /** Every file of {@code files} that is missing from {@code folder} or differs there. */
  public static List<Difference> check(List<GeneratedFile> files, Path folder) throws IOException {
    List<Difference> differences = new ArrayList<>();
    for (GeneratedFile file : files) {
      Path target = folder.resolve(file.name());
      if (!Files.isRegularFile(target)) {
        differences.add(new Difference(file.name(), "missing"));
        continue;
      }
      String existing = Files.readString(target, StandardCharsets.UTF_8);
      if (!existing.equals(file.content())) {
        differences.add(new Difference(file.name(), firstDifference(existing, file.content())));
      }
    }
    return differences;
  }

  private static String firstDifference(String existing, String expected) {
    String[] have = existing.split("\n", -1);
    String[] want = expected.split("\n", -1);
    for (int i = 0; i < Math.min(have.length, want.length); i++) {
      if (!have[i].equals(want[i])) {
        return "differs from line " + (i + 1) + " (expected: " + abbreviate(want[i]) + ")";
      }
    }
    return have.length < want.length ? "ends early, at line " + have.length
        : "has extra lines from line " + (want.length + 1);
  }

  private static String abbreviate(String line) {
    String trimmed = line.strip();
    return trimmed.length() > 60 ? trimmed.substring(0, 57) + "..." : trimmed;
  }
}
