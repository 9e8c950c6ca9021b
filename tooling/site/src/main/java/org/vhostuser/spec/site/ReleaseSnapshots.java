package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

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

  /** Every tag of the repository around {@code root}, oldest commit first. */
  static List<Release> releases(Path root) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder()
        .findGitDir(root.toAbsolutePath().toFile()).setMustExist(false);
    if (builder.getGitDir() == null) {
      return List.of();
    }
    List<Release> releases = new ArrayList<>();
    try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository)) {
      for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        RevCommit commit = walk.parseCommit(ref.getObjectId());
        releases.add(new Release(ref.getName().substring(Constants.R_TAGS.length()), commit));
      }
      releases.sort(java.util.Comparator.comparingInt((Release r) -> {
        try {
          return walk.parseCommit(r.commit()).getCommitTime();
        } catch (IOException e) {
          return 0;
        }
      }).thenComparing(Release::tag));
    }
    return releases;
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
        if (INPUTS.stream().anyMatch(i -> i.endsWith("/") ? path.startsWith(i) : path.equals(i))) {
          ObjectLoader loader = repository.open(tree.getObjectId(0));
          Path file = target.resolve(path);
          Files.createDirectories(file.getParent());
          Files.write(file, loader.getBytes());
        }
      }
    }
  }
}
