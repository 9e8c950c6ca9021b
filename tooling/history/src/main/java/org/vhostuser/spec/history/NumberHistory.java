package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.load.YamlSource;

/**
 * Every name each message id and feature bit has carried in any commit of the history, so that
 * a number given to something else is caught even when the base of a change never saw it. Each
 * distinct version of a table file is read once, and only for its names and numbers.
 */
public final class NumberHistory {
  /** The tables whose numbers must never be reused, by file name. */
  static final List<String> TABLES = List.of(RegistryFiles.FRONT_END, RegistryFiles.BACK_END,
      RegistryFiles.PROTOCOL_FEATURES, RegistryFiles.VIRTIO_FEATURES);

  /** Per table file: number to the names it carried, and the first commit seen with each. */
  private final Map<String, Map<Long, Map<String, String>>> used = new HashMap<>();
  /** One warning for each version of a table that could not be read. */
  private final List<Diagnostic> unreadable = new ArrayList<>();

  private NumberHistory() {}

  /**
   * Reads every commit reachable from {@code tips} for the numbers of the tables in
   * {@code folder}; refuses in a shallow clone, whose history is cut.
   */
  public static NumberHistory read(GitRepository repository, String folder, List<RevCommit> tips)
      throws HistoryException, IOException {
    if (repository.isShallow()) {
      throw new HistoryException(GitRepository.shallowMessage(
          "the numbers earlier commits used (the number-reused rule reads the whole history)"));
    }
    NumberHistory history = new NumberHistory();
    Map<String, String> pathToTable = new LinkedHashMap<>();
    TABLES.forEach(t -> pathToTable.put(folder + "/" + t, t));
    Map<ObjectId, Map<Long, Set<String>>> parsed = new HashMap<>();
    try (RevWalk walk = new RevWalk(repository.jgit())) {
      for (RevCommit tip : tips) {
        walk.markStart(walk.parseCommit(tip));
      }
      for (RevCommit commit : walk) {
        try (TreeWalk tree = new TreeWalk(repository.jgit())) {
          tree.addTree(commit.getTree());
          tree.setRecursive(true);
          tree.setFilter(PathFilterGroup.createFromStrings(pathToTable.keySet()));
          while (tree.next()) {
            String table = pathToTable.get(tree.getPathString());
            if (table == null) {
              continue;
            }
            ObjectId blob = tree.getObjectId(0);
            String commitId = commit.abbreviate(12).name();
            Map<Long, Set<String>> numbers = parsed.get(blob);
            if (numbers == null) {
              numbers = history.numbersOf(repository, blob, tree.getPathString(), commit);
              parsed.put(blob, numbers);
            }
            numbers.forEach((number, names) -> names.forEach(name -> history.used
                .computeIfAbsent(table, t -> new TreeMap<>())
                .computeIfAbsent(number, n -> new LinkedHashMap<>())
                .put(name, commitId)));
          }
        }
      }
    }
    return history;
  }

  /**
   * The number-reused findings for {@code head}: numbers once given to another name. Entries that
   * {@code base} already had with the same number are left out: they are not this change's doing.
   */
  public List<Break> check(Registry head, Registry base) {
    Set<String> before = new java.util.HashSet<>();
    numbered(base).forEach(e -> before.add(e.key()));
    List<Break> breaks = new ArrayList<>();
    for (Numbered entry : numbered(head)) {
      if (!before.contains(entry.key())) {
        reused(entry.file(), entry.number(), entry.name(), entry.previousNames(), entry.word())
            .ifPresent(m -> breaks.add(new Break(BreakRule.NUMBER_REUSED,
                new Subject(entry.kind(), entry.name()), m, entry.at())));
      }
    }
    return breaks;
  }

  /** A message or feature with its number, as the reuse rule sees it. */
  private record Numbered(String file, String kind, String name, Long number,
      List<String> previousNames, String word, SourcePosition at) {
    String key() {
      return file + " " + name + " " + number;
    }
  }

  private static List<Numbered> numbered(Registry registry) {
    List<Numbered> entries = new ArrayList<>();
    for (var table : registry.messageTables()) {
      for (Message m : table.messages()) {
        entries.add(new Numbered(table.file().getFileName().toString(),
            table.direction().yamlName() + " message", m.name(), m.id(), m.previousNames(), "id",
            m.at()));
      }
    }
    for (var table : registry.featureTables()) {
      for (Feature f : table.features()) {
        entries.add(new Numbered(table.file().getFileName().toString(),
            table.kind().name().toLowerCase(java.util.Locale.ROOT) + " feature", f.name(),
            f.bit(), f.previousNames(), "bit", f.at()));
      }
    }
    return entries;
  }

  private Optional<String> reused(String table, Long number, String name,
      List<String> previousNames, String word) {
    if (number == null) {
      return Optional.empty();
    }
    Map<String, String> names = used.getOrDefault(table, Map.of()).getOrDefault(number, Map.of());
    for (Map.Entry<String, String> earlier : names.entrySet()) {
      if (!earlier.getKey().equals(name) && !previousNames.contains(earlier.getKey())) {
        return Optional.of(word + " " + number + " was " + earlier.getKey() + " in commit "
            + earlier.getValue() + "; a number is never given to another entry (list "
            + earlier.getKey() + " in previous_names if this is a rename)");
      }
    }
    return Optional.empty();
  }

  /**
   * The warnings about versions of the tables that could not be read, each naming the newest
   * commit that has that version: their numbers are not known to the number-reused rule.
   */
  public List<Diagnostic> warnings() {
    return List.copyOf(unreadable);
  }

  /**
   * The names each number carries in the version {@code blob} of the table {@code path}, first
   * met at {@code commit}; nothing, and a warning, when it cannot be read.
   */
  private Map<Long, Set<String>> numbersOf(GitRepository repository, ObjectId blob, String path,
      RevCommit commit) throws IOException {
    Diagnostics problems = new Diagnostics();
    Optional<Node> root;
    try {
      root = YamlSource.parse(Path.of(path), repository.blob(blob, path, commit), problems);
    } catch (HistoryException e) {
      problems.error(SourcePosition.ofFile(Path.of(path)), Code.FILE_TOO_LARGE, e.getMessage());
      root = Optional.empty();
    }
    if (root.isEmpty()) {
      Diagnostic first = problems.sorted().get(0);
      unreadable.add(Diagnostic.warning(new SourcePosition(first.file(), first.line(),
          first.column()), Code.REVISION_UNREADABLE, "this table cannot be read at commit "
          + commit.abbreviate(12).name() + " (" + first.message() + " [" + first.code().id()
          + "]), so the number-reused rule does not see the numbers of that version"));
      return Map.of();
    }
    return numbersOf(root.get());
  }

  /** The names each number carries in one version of a table file, read as YAML nodes. */
  static Map<Long, Set<String>> numbersOf(Node root) {
    Map<Long, Set<String>> numbers = new HashMap<>();
    if (!(root instanceof MappingNode top)) {
      return numbers;
    }
    for (NodeTuple section : top.getValue()) {
      if (section.getValueNode() instanceof SequenceNode entries) {
        for (Node entry : entries.getValue()) {
          if (entry instanceof MappingNode mapping) {
            String name = scalar(mapping, "name");
            String number = scalar(mapping, "id");
            if (number == null) {
              number = scalar(mapping, "bit");
            }
            Long value = parse(number);
            if (name != null && value != null) {
              numbers.computeIfAbsent(value, v -> new TreeSet<>()).add(name);
            }
          }
        }
      }
    }
    return numbers;
  }

  private static String scalar(MappingNode mapping, String key) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
          && tuple.getValueNode() instanceof ScalarNode v) {
        return v.getValue();
      }
    }
    return null;
  }

  private static Long parse(String number) {
    if (number == null) {
      return null;
    }
    try {
      return number.toLowerCase(java.util.Locale.ROOT).startsWith("0x") ? Long.parseLong(number.substring(2), 16)
          : Long.parseLong(number);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
