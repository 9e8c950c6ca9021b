package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.vhostuser.spec.history.GitRepository;
import org.vhostuser.spec.history.HistoryException;
import org.vhostuser.spec.history.Releases;

/**
 * The release tags of the repository and their files, read from git objects with JGit: no
 * checkout, no change to the working tree. Each tag's inputs are written to a folder of their
 * own, from which the site of that release is rendered.
 */
final class ReleaseSnapshots {
  /** The files a site is made from. */
  static final List<String> INPUTS =
      List.of("spec/", "site/", "README.md", "CONTRIBUTING.md", "MAINTAINERS", "tooling/BENCHMARKS.md");

  /** One release: its tag and its commit. */
  record Release(String tag, ObjectId commit) {}

  private ReleaseSnapshots() {}

  /** Every tag of the repository around {@code root}, in history order (none outside git). */
  static List<Release> releases(Path root) throws IOException {
    try (GitRepository repository = GitRepository.open(root)) {
      return Releases.list(repository).stream()
          .map(r -> new Release(r.tag(), r.commit().copy())).toList();
    } catch (HistoryException e) {
      return List.of(); // not a git checkout: a site without releases
    }
  }

  /** Writes the site inputs of {@code release} below {@code target}, as they are in its commit. */
  static void extract(Path root, Release release, Path target) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder()
        .findGitDir(root.toAbsolutePath().toFile());
    try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      tree.addTree(walk.parseCommit(release.commit()).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        String path = tree.getPathString();
        Path file = target.resolve(path).normalize();
        boolean regular = tree.getFileMode(0) == FileMode.REGULAR_FILE
            || tree.getFileMode(0) == FileMode.EXECUTABLE_FILE;
        // Symbolic links and submodules are not site inputs; a path out of target never is.
        if (regular && file.startsWith(target)
            && INPUTS.stream().anyMatch(i -> i.endsWith("/") ? path.startsWith(i) : path.equals(i))) {
          ObjectLoader loader = repository.open(tree.getObjectId(0));
          Files.createDirectories(file.getParent());
          Files.write(file, loader.getBytes());
        }
      }
    }
  }
}
