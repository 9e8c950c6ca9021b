package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.eclipse.jgit.revwalk.RevCommit;
import org.vhostuser.spec.registry.AcceptedBreak;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.load.AcceptedBreaksLoader;
import org.vhostuser.spec.registry.load.InputFiles;
import org.vhostuser.spec.registry.load.RegistryLoader;
import org.vhostuser.spec.registry.load.YamlSource;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * Everything a reviewer needs about a change from BASE to HEAD (a revision, or the working tree):
 * validation of HEAD, the semantic changes, the breaking-change verdict and the change to the
 * generated files.
 */
public record Review(
    String base,
    String head,
    List<Diagnostic> validation,
    List<Change> changes,
    Verdict verdict,
    List<GeneratedDiff.FileDiff> generated,
    List<ProseDiff.Section> prose,
    String patch,
    Registry headRegistry,
    Context context) {
  public Review {
    validation = List.copyOf(validation);
    changes = List.copyOf(changes);
    generated = List.copyOf(generated);
    prose = List.copyOf(prose);
    context = context == null ? Context.NONE : context;
  }

  /**
   * What the review knows beyond the registry, from the command line: where the merge request's
   * rendered site is, and who must approve (by MAINTAINERS) and who is to be copied.
   */
  public record Context(String previewUrl, List<String> approvers, List<String> copied,
      String title, String link) {
    public static final Context NONE = new Context(null, List.of(), List.of(), null, null);

    public Context {
      approvers = List.copyOf(approvers);
      copied = List.copyOf(copied);
    }
  }

  /** The same review with its context. */
  public Review withContext(Context newContext) {
    return new Review(base, head, validation, changes, verdict, generated, prose, patch,
        headRegistry, newContext);
  }

  /** The label used for HEAD when it is the working tree. */
  public static final String WORKING_TREE = "working tree";

  /**
   * Reviews the registry folder {@code folder} from its merge base with revision
   * {@code baseRevision} (the target branch) to {@code headRevision}, or to the working tree
   * when that is null.
   */
  public static Review of(Path folder, String baseRevision, String headRevision)
      throws HistoryException, IOException {
    try (GitRepository repository = GitRepository.open(folder)) {
      String path = repository.relativePath(folder);
      Path shown = Path.of(path);
      RevCommit target = repository.resolve(baseRevision);
      RevCommit tip = headRevision == null ? repository.resolve("HEAD")
          : repository.resolve(headRevision);
      // The change is what HEAD adds to the merge base, as in GitLab's merge-request diff; the
      // target's newer commits are read for their numbers only (number-reused catches a number
      // the target has given to another entry meanwhile).
      RevCommit baseCommit = MergeBase.of(repository, target, tip);
      String baseLabel = MergeBase.label(baseRevision, target, baseCommit);
      // The whole history is read on the second core while the two revisions load.
      FutureTask<NumberHistory> history = new FutureTask<>(
          () -> NumberHistory.read(repository, path, List.of(target, tip)));
      Thread reader = new Thread(history, "number-history");
      reader.setDaemon(true);
      reader.start();
      RevisionRegistry.Loaded baseLoaded = RevisionRegistry.load(repository, baseCommit, path);
      List<Diagnostic> baseErrors = errors(baseLoaded.diagnostics());
      if (!baseErrors.isEmpty()) {
        throw new HistoryException("the registry at " + baseLabel + " cannot be read ("
            + baseErrors.get(0).format() + (baseErrors.size() > 1 ? ", and "
            + (baseErrors.size() - 1) + " more" : "") + "); compare with a valid revision");
      }
      Registry base = baseLoaded.registry();
      Registry head;
      List<Diagnostic> validation = new ArrayList<>();
      List<Diagnostic> loading;
      List<AcceptedBreak> headApprovals;
      if (headRevision == null) {
        Diagnostics out = new Diagnostics();
        Map<String, byte[]> files = readFolder(folder);
        head = RegistryLoader.load(shown, files, out);
        loading = out.sorted();
        validation.addAll(loading);
        headApprovals = approvals(shown, files, validation);
      } else {
        RevisionRegistry.Loaded loaded = RevisionRegistry.load(repository, tip, path);
        head = loaded.registry();
        loading = loaded.diagnostics();
        validation.addAll(loading);
        headApprovals = approvals(shown, repository.filesIn(tip, path), validation);
      }
      validation.addAll(RegistryValidator.validate(head));
      // The prose beside the registry folder (spec/*.adoc), section by section.
      String specPath = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
      List<ProseDiff.Section> prose = ProseDiff.of(repository.filesIn(baseCommit, specPath),
          headRevision == null ? readProse(folder.toAbsolutePath().normalize().getParent())
              : repository.filesIn(tip, specPath));
      String patch = SpecPatch.of(repository, baseCommit, headRevision == null ? null : tip,
          folder.toAbsolutePath().normalize().getParent(), specPath);
      if (!errors(loading).isEmpty()) {
        // HEAD is refused for its errors; comparing half-read tables would mislead.
        return new Review(baseLabel, headRevision == null ? WORKING_TREE : headRevision,
            validation.stream().sorted().distinct().toList(), List.of(),
            Verdict.of(List.of(), List.of(), List.of()), List.of(), prose, patch, null, null);
      }
      List<AcceptedBreak> baseApprovals =
          approvals(shown, repository.filesIn(baseCommit, path), new ArrayList<>());
      RegistryComparison.Result compared = RegistryComparison.compare(base, head);
      List<Break> breaks = new ArrayList<>(compared.breaks());
      List<GeneratedDiff.FileDiff> generated = GeneratedDiff.of(base, head);
      NumberHistory numbers = await(history);
      breaks.addAll(numbers.check(head, base));
      validation.addAll(numbers.warnings());
      Verdict verdict = Verdict.of(breaks, baseApprovals, headApprovals);
      validation.addAll(verdict.problems());
      return new Review(baseLabel, headRevision == null ? WORKING_TREE : headRevision,
          validation.stream().sorted().distinct().toList(), compared.changes(), verdict,
          generated, prose, patch, head, null);
    }
  }

  /** The errors among {@code diagnostics}. */
  private static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(d -> d.severity() == org.vhostuser.spec.registry.Severity.ERROR).sorted().toList();
  }

  /** The history read on the other thread, with its own exceptions passed on unwrapped. */
  private static NumberHistory await(FutureTask<NumberHistory> history)
      throws HistoryException, IOException {
    try {
      return history.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the history", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HistoryException problem) {
        throw problem;
      }
      if (e.getCause() instanceof IOException problem) {
        throw problem;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The same review with more validation findings (the prose's, which only the CLI reads). */
  public Review withValidation(List<Diagnostic> more) {
    List<Diagnostic> all = new ArrayList<>(validation);
    all.addAll(more);
    return new Review(base, head, all.stream().sorted().distinct().toList(), changes, verdict,
        generated, prose, patch, headRegistry, context);
  }

  /** True when HEAD has validation errors or unapproved breaks of the wire protocol. */
  public boolean fails() {
    return !verdict.blocking().isEmpty() || validation.stream()
        .anyMatch(d -> d.severity() == org.vhostuser.spec.registry.Severity.ERROR);
  }

  private static List<AcceptedBreak> approvals(Path folder, Map<String, byte[]> files,
      List<Diagnostic> problems) {
    byte[] bytes = files.get(RegistryFiles.ACCEPTED_BREAKS);
    if (bytes == null) {
      return List.of();
    }
    Diagnostics out = new Diagnostics();
    List<AcceptedBreak> approvals =
        AcceptedBreaksLoader.load(folder.resolve(RegistryFiles.ACCEPTED_BREAKS), bytes, out);
    problems.addAll(out.sorted());
    return approvals;
  }

  /** The AsciiDoc chapters of a folder of the working tree, by name. */
  static Map<String, byte[]> readProse(Path folder) throws IOException, HistoryException {
    return folder == null ? new java.util.TreeMap<>()
        : readFiles(folder, "*.adoc", "prose files");
  }

  /** The YAML files of a folder of the working tree, by name. */
  static Map<String, byte[]> readFolder(Path folder) throws IOException, HistoryException {
    return readFiles(folder, "*.{yaml,yml}", "registry files");
  }

  /**
   * The files of {@code folder} that {@code glob} matches, by name; a file that may not be read
   * (see {@link InputFiles}: a link out, a FIFO, too large) stops the review with one line.
   */
  private static Map<String, byte[]> readFiles(Path folder, String glob, String kind)
      throws IOException, HistoryException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (var entries = Files.newDirectoryStream(folder, glob)) {
      for (Path file : entries) {
        if (!Files.isDirectory(file)) {
          try {
            files.put(file.getFileName().toString(),
                InputFiles.read(file, folder, YamlSource.MAX_BYTES, kind));
          } catch (InputFiles.Refused e) {
            throw new HistoryException(file + ": " + e.getMessage());
          }
        }
      }
    }
    return files;
  }
}
