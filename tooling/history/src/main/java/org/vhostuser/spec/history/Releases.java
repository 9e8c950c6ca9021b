package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The release tags of the repository, oldest commit first (ties by name). A release is an
 * annotated tag named {@code vMAJOR.MINOR}; other tags (lightweight ones, or any other name) are
 * not releases and are ignored.
 */
public final class Releases {
  /** The name of a release tag. */
  public static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");

  /** One release: its tag and its commit. */
  public record Release(String tag, RevCommit commit) {}

  private Releases() {}

  /**
   * False when the repository around {@code folder} surely has no tag, decided from the files of
   * its git folder without starting JGit, so commands that only want "since" stay fast.
   */
  public static boolean mayExist(Path folder) {
    Path git = gitFolder(folder);
    if (git == null) {
      return false;
    }
    if (Files.isRegularFile(git)) {
      return true; // a worktree or submodule: let JGit find the common folder
    }
    try (Stream<Path> tags = Files.walk(git.resolve("refs/tags"))) {
      if (tags.anyMatch(Files::isRegularFile)) {
        return true;
      }
    } catch (IOException e) {
      // no refs/tags folder: look in packed-refs
    }
    Path packed = git.resolve("packed-refs");
    try {
      return Files.isRegularFile(packed) && Files.readString(packed).contains(" refs/tags/");
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * A cheap fingerprint of the tags of the repository around {@code folder}, read from the
   * files of its git folder, so a build can tell that a tag was added without starting JGit.
   */
  public static String fingerprint(Path folder) throws IOException {
    Path git = gitFolder(folder);
    if (git == null || !Files.isDirectory(git)) {
      return git == null ? "no-git" : "linked-git";
    }
    StringBuilder print = new StringBuilder();
    Path tags = git.resolve("refs/tags");
    if (Files.isDirectory(tags)) {
      try (Stream<Path> files = Files.walk(tags)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          print.append(tags.relativize(file)).append('=').append(Files.readString(file).strip())
              .append(';');
        }
      }
    }
    Path packed = git.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      Files.readAllLines(packed).stream().filter(l -> l.contains(" refs/tags/"))
          .forEach(l -> print.append(l).append(';'));
    }
    return print.toString();
  }

  /** True when the clone around {@code folder} is shallow (its git folder has a shallow file). */
  public static boolean isShallow(Path folder) {
    Path git = gitFolder(folder);
    return git != null && Files.isDirectory(git) && Files.isRegularFile(git.resolve("shallow"));
  }

  /** The .git folder (or file) of the checkout around {@code folder}, or null. */
  private static Path gitFolder(Path folder) {
    for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path git = dir.resolve(".git");
      if (Files.exists(git)) {
        return git;
      }
    }
    return null;
  }

  /**
   * Every release tag (annotated, {@code vMAJOR.MINOR}) that names a commit, in history order: a
   * release comes after every release its commit descends from (commit dates can tie or lie);
   * tags of one commit by name.
   */
  public static List<Release> list(GitRepository repository) throws IOException {
    List<Release> releases = new ArrayList<>();
    Map<ObjectId, Integer> order = new HashMap<>();
    try (RevWalk walk = new RevWalk(repository.jgit())) {
      for (Ref ref : repository.jgit().getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        String name = ref.getName().substring(Constants.R_TAGS.length());
        var tagged = walk.parseAny(ref.getObjectId());
        if (!NAME.matcher(name).matches() || !(tagged instanceof org.eclipse.jgit.revwalk.RevTag)) {
          continue; // not a release: a lightweight tag, or another name
        }
        var target = walk.peel(tagged);
        if (target instanceof RevCommit commit) {
          walk.parseHeaders(commit);
          releases.add(new Release(ref.getName().substring(Constants.R_TAGS.length()), commit));
        }
      }
      if (releases.isEmpty()) {
        return releases;
      }
      walk.reset();
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      for (Release release : releases) {
        walk.markStart(walk.parseCommit(release.commit()));
      }
      int position = 0;
      for (RevCommit commit : walk) {
        order.put(commit.copy(), position++);
      }
    }
    releases.sort(Comparator.comparingInt((Release r) -> order.getOrDefault(r.commit(), 0))
        .thenComparing(Release::tag));
    return releases;
  }
}
