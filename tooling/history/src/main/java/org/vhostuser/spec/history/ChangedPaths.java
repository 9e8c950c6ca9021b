package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/** The files a change touches: what differs between where it started and the working tree. */
public final class ChangedPaths {
  private ChangedPaths() {}

  /**
   * Every path (old and new names of renames) that differs between the merge base of
   * {@code revision} and HEAD (where the change starts, as in a merge request) and the working
   * tree of the repository around {@code start}, sorted, '/'-separated.
   */
  public static List<String> since(Path start, String revision)
      throws HistoryException, IOException {
    try (GitRepository repository = GitRepository.open(start);
        ObjectReader reader = repository.jgit().newObjectReader()) {
      if (repository.workTree() == null) {
        throw new HistoryException("the repository at " + start + " has no working tree");
      }
      CanonicalTreeParser base = new CanonicalTreeParser();
      base.reset(reader, MergeBase.of(repository, repository.resolve(revision),
          repository.resolve("HEAD")).getTree());
      TreeSet<String> paths = new TreeSet<>();
      try (Git git = Git.wrap(repository.jgit())) {
        for (DiffEntry entry : git.diff().setOldTree(base).setShowNameAndStatusOnly(true).call()) {
          if (!entry.getOldPath().equals(DiffEntry.DEV_NULL)) {
            paths.add(entry.getOldPath());
          }
          if (!entry.getNewPath().equals(DiffEntry.DEV_NULL)) {
            paths.add(entry.getNewPath());
          }
        }
      } catch (GitAPIException e) {
        throw new IOException(e.getMessage(), e);
      }
      return List.copyOf(paths);
    }
  }
}
