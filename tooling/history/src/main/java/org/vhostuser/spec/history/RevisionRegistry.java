package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.load.RegistryLoader;
import org.vhostuser.spec.registry.load.TableCache;

/** The registry as a commit has it, read from git objects; positions name the folder's path. */
public final class RevisionRegistry {
  /** A registry read at a revision and the problems found while loading it. */
  public record Loaded(Registry registry, List<Diagnostic> diagnostics) {
    public Loaded {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private RevisionRegistry() {}

  /** The registry folder {@code path} (relative to the repository root) at {@code commit}. */
  public static Loaded load(GitRepository repository, RevCommit commit, String path)
      throws IOException, HistoryException {
    return load(repository, commit, path, null);
  }

  /** As {@link #load(GitRepository, RevCommit, String)}, reusing tables read before. */
  public static Loaded load(GitRepository repository, RevCommit commit, String path,
      TableCache cache) throws IOException, HistoryException {
    var files = repository.filesIn(commit, path);
    if (files.isEmpty()) {
      throw new HistoryException("revision " + commit.abbreviate(12).name() + " has no registry"
          + " at " + path);
    }
    Diagnostics out = new Diagnostics();
    Registry registry = cache == null ? RegistryLoader.load(Path.of(path), files, out)
        : RegistryLoader.load(Path.of(path), files, cache, out);
    return new Loaded(registry, out.sorted());
  }
}
