package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Which revision of the specification a page shows: the commit, its date and the release tag
 * pointing at it, read with JGit. Outside a git checkout the page says so.
 */
record Revision(String commit, Instant date, Optional<String> tag) {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** The revision checked out in the repository around {@code folder}, if there is one. */
  static Optional<Revision> of(Path folder) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder()
        .findGitDir(folder.toAbsolutePath().toFile()).setMustExist(false);
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve(Constants.HEAD);
      if (head == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(head);
      Optional<String> tag = Optional.empty();
      for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        Ref peeled = repository.getRefDatabase().peel(ref);
        ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId()
            : peeled.getObjectId();
        if (head.equals(target)) {
          tag = Optional.of(ref.getName().substring(Constants.R_TAGS.length()));
        }
      }
      return Optional.of(new Revision(commit.getName(),
          Instant.ofEpochSecond(commit.getCommitTime()), tag));
    }
  }

  /** The revision of one commit, named by a release tag. */
  static Revision ofCommit(Path folder, ObjectId commit, String tag) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder()
        .findGitDir(folder.toAbsolutePath().toFile());
    try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository)) {
      RevCommit parsed = walk.parseCommit(commit);
      return new Revision(parsed.getName(), Instant.ofEpochSecond(parsed.getCommitTime()),
          Optional.of(tag));
    }
  }

  /** The footer line of every page of a preview: the working tree, whatever it holds. */
  static String previewFooter(Optional<Revision> revision) {
    return "Preview of the working tree, with its uncommitted changes"
        + revision.map(r -> " (last commit <code>" + r.commit().substring(0, 12) + "</code>)")
            .orElse("") + "; not a published revision.";
  }

  /** The footer line of every page. */
  static String footer(Optional<Revision> revision) {
    if (revision.isEmpty()) {
      return "Built outside a git checkout: revision unknown.";
    }
    Revision r = revision.get();
    return (r.tag().map(t -> "Release " + Html.escape(t) + ", ").orElse("Revision "))
        + "<code>" + r.commit().substring(0, 12) + "</code>, last updated "
        + DAY.format(r.date()) + ".";
  }
}
