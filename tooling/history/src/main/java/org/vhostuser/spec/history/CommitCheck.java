package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Severity;

/**
 * The per-commit rules of a merge request: every commit carries its author's Signed-off-by line,
 * and the specification (the registry and the prose, as {@code validate} checks them) is valid
 * at every commit, so any commit can be bisected or released.
 */
public final class CommitCheck {
  /** One problem with one commit. */
  public record Problem(String commit, String subject, String message) {
    /** {@code abcdef123456 "subject": message}. */
    public String format() {
      return commit + " \"" + subject + "\": " + message;
    }
  }

  /** The commits checked, oldest first, and the problems found. */
  public record Result(int commits, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private CommitCheck() {}

  /**
   * Checks the commits of {@code range} ({@code BASE..HEAD}, or {@code BASE} meaning
   * {@code BASE..HEAD}) in the repository around {@code folder}.
   */
  public static Result check(Path folder, String range) throws HistoryException, IOException {
    int dots = range.indexOf("..");
    String base = dots < 0 ? range : range.substring(0, dots);
    String head = dots < 0 ? "HEAD" : range.substring(dots + 2);
    if (base.isEmpty() || head.isEmpty() || head.startsWith(".")) {
      throw new HistoryException("'" + range + "' is not a range; write BASE..HEAD, for example"
          + " origin/main..HEAD");
    }
    try (GitRepository repository = GitRepository.open(folder)) {
      String path = repository.relativePath(folder);
      String specFolder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : path;
      RevCommit baseCommit = repository.resolve(base);
      RevCommit headCommit = repository.resolve(head);
      List<Problem> problems = new ArrayList<>();
      Map<ObjectId, List<Diagnostic>> validated = new HashMap<>();
      int count = 0;
      try (RevWalk walk = new RevWalk(repository.jgit())) {
        walk.sort(RevSort.TOPO, true);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(headCommit));
        walk.markUninteresting(walk.parseCommit(baseCommit));
        for (RevCommit commit : walk) {
          count++;
          String id = commit.abbreviate(12).name();
          String subject = commit.getShortMessage();
          if (commit.getParentCount() <= 1 && !signedOffByAuthor(commit)) {
            problems.add(new Problem(id, subject, "no 'Signed-off-by: "
                + commit.getAuthorIdent().getName() + " <" + commit.getAuthorIdent().getEmailAddress()
                + ">' line from its author (add it with: git commit --amend --signoff, or"
                + " git rebase --signoff " + base + ")"));
          }
          if (repository.treeOf(commit, path) == null) {
            problems.add(new Problem(id, subject, "has no registry at " + path));
            continue;
          }
          // The registry and the prose together: the specification folder's tree is the key.
          ObjectId tree = repository.treeOf(commit, specFolder);
          List<Diagnostic> errors = validated.get(tree);
          if (errors == null) {
            errors = SpecAtRevision.validate(repository, commit, path).stream()
                .filter(d -> d.severity() == Severity.ERROR).toList();
            validated.put(tree, errors);
          }
          errors.forEach(d -> problems.add(new Problem(id, subject, d.format())));
        }
      }
      if (count == 0 && !baseCommit.equals(headCommit) && repository.isShallow()) {
        throw new HistoryException(GitRepository.shallowMessage("the commits of " + range));
      }
      return new Result(count, problems);
    }
  }

  private static boolean signedOffByAuthor(RevCommit commit) {
    String name = commit.getAuthorIdent().getName();
    String email = commit.getAuthorIdent().getEmailAddress().toLowerCase(Locale.ROOT);
    for (FooterLine footer : commit.getFooterLines()) {
      if (footer.matches(new org.eclipse.jgit.revwalk.FooterKey("Signed-off-by"))) {
        String value = footer.getValue().trim();
        String address = footer.getEmailAddress();
        if (address != null && address.toLowerCase(Locale.ROOT).equals(email)
            && value.startsWith(name + " <")) {
          return true;
        }
      }
    }
    return false;
  }
}
