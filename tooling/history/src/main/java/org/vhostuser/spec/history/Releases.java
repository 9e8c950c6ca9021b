package org.vhostuser.spec.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** The release tags of the repository, oldest commit first (ties by name). */
public final class Releases {
  /** One release: its tag and its commit. */
  public record Release(String tag, RevCommit commit) {}

  private Releases() {}

  /** Every tag that names a commit, oldest first. */
  public static List<Release> list(GitRepository repository) throws IOException {
    List<Release> releases = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository.jgit())) {
      for (Ref ref : repository.jgit().getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        var target = walk.peel(walk.parseAny(ref.getObjectId()));
        if (target instanceof RevCommit commit) {
          walk.parseHeaders(commit);
          releases.add(new Release(ref.getName().substring(Constants.R_TAGS.length()), commit));
        }
      }
    }
    releases.sort(Comparator.comparingInt((Release r) -> r.commit().getCommitTime())
        .thenComparing(Release::tag));
    return releases;
  }
}
