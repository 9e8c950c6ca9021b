package org.vhostuser.spec.history;

import java.io.IOException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Where a change starts: the newest commit that a target branch and the change both have, as
 * GitLab's merge-request diff (and {@code git diff BASE...HEAD}) sees it. A change compared with
 * the tip of a branch that moved on would show the branch's newer commits reversed, as if the
 * change had undone them.
 */
public final class MergeBase {
  private MergeBase() {}

  /** The merge base of {@code target} and {@code change}; a one-line problem when there is none. */
  public static RevCommit of(GitRepository repository, RevCommit target, RevCommit change)
      throws HistoryException, IOException {
    try (RevWalk walk = new RevWalk(repository.jgit())) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(target));
      walk.markStart(walk.parseCommit(change));
      RevCommit base = walk.next();
      if (base == null) {
        throw new HistoryException(repository.isShallow()
            ? GitRepository.shallowMessage("the commit where the change starts")
            : "the revisions " + target.abbreviate(12).name() + " and "
                + change.abbreviate(12).name() + " share no history");
      }
      return base;
    }
  }

  /**
   * How a review names its base: {@code revision}, and the merge base when the target branch
   * has moved on since the change started.
   */
  public static String label(String revision, RevCommit target, RevCommit base) {
    return target.equals(base) ? revision
        : revision + " (merge base " + base.abbreviate(12).name() + ")";
  }
}
