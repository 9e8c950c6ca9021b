package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.vhostuser.spec.prose.SpecCheck;
import org.vhostuser.spec.registry.Diagnostic;

/**
 * The whole of {@code validate} (registry and prose) at a commit: the specification folder of
 * that commit is written to a temporary folder, checked there, and every diagnostic names the
 * file as the repository has it. Nothing of the working tree is read or written.
 */
final class SpecAtRevision {
  private SpecAtRevision() {}

  /**
   * Every diagnostic of the registry folder {@code registryPath} (relative to the repository
   * root) and of the prose beside it ({@code index.adoc} in its parent folder), at {@code commit}.
   */
  static List<Diagnostic> validate(GitRepository repository, RevCommit commit, String registryPath)
      throws IOException {
    int slash = registryPath.lastIndexOf('/');
    String specPath = slash < 0 ? "" : registryPath.substring(0, slash);
    Path temp = Files.createTempDirectory("vhost-spec-commit-");
    try {
      Path spec = specPath.isEmpty() ? temp : temp.resolve(specPath);
      write(repository, commit, specPath, spec);
      Path registry = temp.resolve(registryPath);
      Optional<Path> prose = SpecCheck.defaultProse(registry);
      List<Diagnostic> found = SpecCheck.run(registry, prose).diagnostics();
      String prefix = temp.toString() + temp.getFileSystem().getSeparator();
      List<Diagnostic> shown = new ArrayList<>();
      for (Diagnostic d : found) {
        String file = d.file().toString();
        shown.add(new Diagnostic(d.severity(), Path.of(file.startsWith(prefix)
            ? file.substring(prefix.length()) : file), d.line(), d.column(), d.code(),
            d.message().replace(prefix, "")));
      }
      return shown.stream().sorted().distinct().toList();
    } finally {
      try (Stream<Path> files = Files.walk(temp)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** Writes the regular files below {@code folder} at {@code commit} into {@code target}. */
  private static void write(GitRepository repository, RevCommit commit, String folder,
      Path target) throws IOException {
    Files.createDirectories(target);
    for (var file : read(repository, commit, folder).entrySet()) {
      Path path = target.resolve(file.getKey()).normalize();
      if (path.startsWith(target)) {
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
    }
  }

  /**
   * The regular files below {@code folder} at {@code commit}, by path relative to it (symbolic
   * links and submodules are not followed).
   */
  static java.util.Map<String, byte[]> read(GitRepository repository, RevCommit commit,
      String folder) throws IOException {
    java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
    try (TreeWalk walk = new TreeWalk(repository.jgit())) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      if (!folder.isEmpty()) {
        walk.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(folder));
      }
      while (walk.next()) {
        if ((walk.getRawMode(0) & org.eclipse.jgit.lib.FileMode.TYPE_MASK)
            != org.eclipse.jgit.lib.FileMode.TYPE_FILE) {
          continue;
        }
        String path = walk.getPathString();
        files.put(folder.isEmpty() ? path : path.substring(folder.length() + 1),
            repository.jgit().open(walk.getObjectId(0)).getBytes());
      }
    }
    return files;
  }
}
