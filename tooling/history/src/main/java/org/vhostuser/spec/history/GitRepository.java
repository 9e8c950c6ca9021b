package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.CorruptPackIndexException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.errors.PackMismatchException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.vhostuser.spec.registry.load.YamlSource;

/**
 * The git repository around the specification, read with JGit and never checked out: revisions,
 * the files of a folder at a revision, and whether the clone is shallow.
 */
public final class GitRepository implements AutoCloseable {
  /** What to run when history is missing; printed with every shallow-clone report. */
  public static final String DEEPEN = "git fetch --unshallow";

  private final Repository repository;

  private GitRepository(Repository repository) {
    this.repository = repository;
  }

  /** The repository that holds {@code start}, or a one-line problem when there is none. */
  public static GitRepository open(Path start) throws HistoryException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder()
        .findGitDir(start.toAbsolutePath().toFile()).setMustExist(false);
    if (builder.getGitDir() == null) {
      throw new HistoryException(start + " is not inside a git repository; run this in a clone"
          + " of the specification");
    }
    try {
      return new GitRepository(builder.build());
    } catch (IOException e) {
      throw new HistoryException("cannot open the git repository at " + builder.getGitDir() + ": "
          + e.getMessage());
    }
  }

  /** The JGit repository, for walkers that the history classes create and close themselves. */
  public Repository jgit() {
    return repository;
  }

  /** The folder of the working tree, or null in a bare repository. */
  public Path workTree() {
    return repository.isBare() ? null : repository.getWorkTree().toPath();
  }

  /** The path of {@code file} relative to the working tree, with forward slashes. */
  public String relativePath(Path file) throws HistoryException {
    Path root = workTree();
    Path absolute = file.toAbsolutePath().normalize();
    if (root == null || !absolute.startsWith(root.toAbsolutePath().normalize())) {
      throw new HistoryException(file + " is outside the repository's working tree");
    }
    return root.toAbsolutePath().normalize().relativize(absolute).toString().replace('\\', '/');
  }

  /** True when the clone is shallow, so some commits' parents are missing. */
  public boolean isShallow() {
    Path shallow = repository.getDirectory().toPath().resolve("shallow");
    try {
      return Files.isRegularFile(shallow) && Files.size(shallow) > 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** The sentence that reports a shallow clone, with the command that deepens it. */
  public static String shallowMessage(String what) {
    return "this is a shallow clone, so " + what + " cannot be read; deepen it with: " + DEEPEN
        + " (in GitLab CI, set GIT_DEPTH: 0)";
  }

  /** The commit that {@code revision} (a commit id, branch, tag or expression) names. */
  public RevCommit resolve(String revision) throws HistoryException {
    ObjectId id;
    try {
      id = repository.resolve(revision + "^{commit}");
    } catch (RevisionSyntaxException | IOException e) {
      id = null;
    }
    if (id == null) {
      if (isShallow()) {
        throw new HistoryException("unknown revision '" + revision + "': "
            + shallowMessage("older commits and other branches"));
      }
      throw new HistoryException("unknown revision '" + revision + "' (a commit, branch or tag"
          + " of this repository)");
    }
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(id);
    } catch (MissingObjectException e) {
      throw new HistoryException("revision '" + revision + "' is not in this clone: "
          + shallowMessage("it"));
    } catch (IOException e) {
      throw new HistoryException("cannot read revision '" + revision + "': " + e.getMessage());
    }
  }

  /**
   * The sentence that reports a damaged repository when {@code problem}, or what caused it, is
   * JGit finding an object missing or corrupt; empty for any other problem.
   */
  public static Optional<String> damage(Throwable problem) {
    for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
      if (cause instanceof MissingObjectException || cause instanceof CorruptObjectException
          || cause instanceof IncorrectObjectTypeException || cause instanceof PackInvalidException
          || cause instanceof CorruptPackIndexException || cause instanceof PackMismatchException) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
            : cause.getMessage().replaceAll("\\s+", " ").trim();
        return Optional.of("the git repository is damaged (" + what + "); check it with: git"
            + " fsck, or clone it again");
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The bytes of the blob {@code id}, which {@code path} names at {@code commit}; a blob larger
   * than any registry file is refused rather than read.
   */
  public byte[] blob(ObjectId id, String path, RevCommit commit) throws IOException,
      HistoryException {
    ObjectLoader loader = repository.open(id);
    if (loader.getSize() > YamlSource.MAX_BYTES) {
      throw new HistoryException(path + " at commit " + commit.abbreviate(12).name() + " is "
          + loader.getSize() + " bytes; registry files are limited to " + YamlSource.MAX_BYTES
          + " bytes");
    }
    return loader.getBytes();
  }

  /** The files directly inside {@code folder} (a path in the repository) at {@code commit}. */
  public Map<String, byte[]> filesIn(RevCommit commit, String folder) throws IOException,
      HistoryException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (TreeWalk walk = TreeWalk.forPath(repository, folder, commit.getTree())) {
      if (walk == null || !walk.isSubtree()) {
        return files;
      }
      try (TreeWalk inside = new TreeWalk(repository)) {
        inside.addTree(walk.getObjectId(0));
        while (inside.next()) {
          if (!inside.isSubtree() && inside.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
            files.put(inside.getNameString(), blob(inside.getObjectId(0),
                folder + "/" + inside.getNameString(), commit));
          }
        }
      }
    }
    return files;
  }

  /** The id of the tree of {@code folder} at {@code commit}, or null when it does not exist. */
  public ObjectId treeOf(RevCommit commit, String folder) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repository, folder, commit.getTree())) {
      return walk == null ? null : walk.getObjectId(0);
    }
  }

  @Override
  public void close() {
    repository.close();
  }
}
