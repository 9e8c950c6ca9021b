package org.vhostuser.spec.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.vhostuser.spec.registry.RegistryFiles;

/**
 * Finds the provenance of a registry folder: the commit checked out in the git repository that
 * holds it (read from {@code .git} directly, so no git library starts for this), and the
 * SHA-256 of its table files.
 */
public final class Provenances {
  private Provenances() {}

  /** The provenance of {@code registryFolder}; the revision is "unknown" outside git. */
  public static Provenance of(Path registryFolder) throws IOException {
    return new Provenance(revisionOf(registryFolder).orElse("unknown"), contentHash(registryFolder));
  }

  /** SHA-256 over the table files, in table order, each preceded by its name. */
  static String contentHash(Path registryFolder) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String table : RegistryFiles.TABLES) {
        digest.update((table + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(registryFolder.resolve(table)));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The commit id at HEAD of the repository containing {@code folder}, if any. */
  public static Optional<String> revisionOf(Path folder) throws IOException {
    for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path git = dir.resolve(".git");
      if (Files.isRegularFile(git)) {
        String pointer = Files.readString(git).strip(); // a worktree or submodule: "gitdir: ..."
        if (pointer.startsWith("gitdir:")) {
          git = dir.resolve(pointer.substring("gitdir:".length()).strip());
        }
      }
      if (Files.isDirectory(git)) {
        return head(git);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> head(Path git) throws IOException {
    Path headFile = git.resolve("HEAD");
    if (!Files.isRegularFile(headFile)) {
      return Optional.empty();
    }
    String head = Files.readString(headFile).strip();
    if (!head.startsWith("ref:")) {
      return Optional.of(head);
    }
    String ref = head.substring("ref:".length()).strip();
    Path common = commonDir(git);
    for (Path base : List.of(git, common)) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return Optional.of(Files.readString(loose).strip());
      }
      Path packed = base.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        for (String line : Files.readAllLines(packed)) {
          if (line.endsWith(" " + ref)) {
            return Optional.of(line.substring(0, line.indexOf(' ')));
          }
        }
      }
    }
    return Optional.empty(); // a branch with no commit yet
  }

  private static Path commonDir(Path git) throws IOException {
    Path pointer = git.resolve("commondir");
    return Files.isRegularFile(pointer) ? git.resolve(Files.readString(pointer).strip()) : git;
  }
}
