package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The change to the specification's files as a patch: the unified diff of every file below the
 * specification folder (registry tables and prose) from where the change started to HEAD or the
 * working tree, for reviewers who read it by e-mail.
 */
final class SpecPatch {
  private SpecPatch() {}

  /** The patch of {@code specPath} (relative to the repository) from {@code base}. */
  static String of(GitRepository repository, RevCommit base, RevCommit head, Path workingFolder,
      String specPath) throws IOException {
    Map<String, byte[]> before = SpecAtRevision.read(repository, base, specPath);
    Map<String, byte[]> after = head != null ? SpecAtRevision.read(repository, head, specPath)
        : readTree(workingFolder);
    TreeSet<String> files = new TreeSet<>();
    before.keySet().stream().filter(SpecPatch::isSpecFile).forEach(files::add);
    after.keySet().stream().filter(SpecPatch::isSpecFile).forEach(files::add);
    StringBuilder patch = new StringBuilder();
    String prefix = specPath.isEmpty() ? "" : specPath + "/";
    for (String file : files) {
      String was = text(before.get(file));
      String now = text(after.get(file));
      if (!was.equals(now)) {
        GeneratedDiff.FileDiff diff = GeneratedDiff.diff(prefix + file, was, now);
        patch.append(diff.unified().replace("--- a/" + prefix + file,
            before.containsKey(file) ? "--- a/" + prefix + file : "--- /dev/null")
            .replace("+++ b/" + prefix + file,
                after.containsKey(file) ? "+++ b/" + prefix + file : "+++ /dev/null"));
      }
    }
    return patch.toString();
  }

  private static Map<String, byte[]> readTree(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (isSpecFile(name)) {
          files.put(name, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  /** The files a patch shows: prose, tables, schemas and the registry's documentation. */
  private static boolean isSpecFile(String name) {
    return name.endsWith(".adoc") || name.endsWith(".yaml") || name.endsWith(".yml")
        || name.endsWith(".json") || name.endsWith(".md");
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }
}
