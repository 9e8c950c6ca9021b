package org.vhostuser.spec.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Status;
import org.vhostuser.spec.registry.load.TableCache;

/**
 * The semantic changes of each release against the one before it, and the release each message
 * and feature first appeared in. Each distinct registry folder is loaded once, so tags that share
 * a registry cost nothing.
 */
public record Changelog(List<Entry> releases, Map<String, String> since) {
  public Changelog {
    releases = List.copyOf(releases);
    since = Map.copyOf(since);
  }

  /** One release: its tag, the date of its commit, and what changed since the previous one. */
  public record Entry(String tag, String date, String previous, List<Change> changes,
      List<Break> breaks, int messages, int features) {
    public Entry {
      changes = List.copyOf(changes);
      breaks = List.copyOf(breaks);
    }
  }

  /**
   * The changelog of the registry folder {@code folder} over every release tag; with
   * {@code sinceTag}, only the releases after that tag.
   */
  public static Changelog of(Path folder, String sinceTag) throws HistoryException, IOException {
    try (GitRepository repository = GitRepository.open(folder)) {
      if (repository.isShallow()) {
        throw new HistoryException(GitRepository.shallowMessage("the release tags and their"
            + " history"));
      }
      String path = repository.relativePath(folder);
      List<Releases.Release> releases = Releases.list(repository);
      if (sinceTag != null && releases.stream().noneMatch(r -> r.tag().equals(sinceTag))) {
        throw new HistoryException("no release tag '" + sinceTag + "'" + (releases.isEmpty()
            ? "; this repository has no tags" : "; tags: " + String.join(", ",
                releases.stream().map(Releases.Release::tag).toList())));
      }
      Map<ObjectId, Registry> loaded = new HashMap<>();
      TableCache tables = new TableCache();
      Map<String, String> since = new LinkedHashMap<>();
      List<Entry> entries = new ArrayList<>();
      Registry previous = null;
      String previousTag = null;
      boolean show = sinceTag == null;
      for (Releases.Release release : releases) {
        ObjectId tree = repository.treeOf(release.commit(), path);
        if (tree == null) {
          continue; // a tag from before the registry existed
        }
        Registry registry = loaded.get(tree);
        if (registry == null) {
          RevisionRegistry.Loaded read =
              RevisionRegistry.load(repository, release.commit(), path, tables);
          if (read.diagnostics().stream()
              .anyMatch(d -> d.severity() == org.vhostuser.spec.registry.Severity.ERROR)) {
            continue; // a release whose registry cannot be read is left out, not guessed at
          }
          registry = read.registry();
          loaded.put(tree, registry);
        }
        recordSince(registry, release.tag(), since);
        if (show) {
          String date = Instant.ofEpochSecond(release.commit().getCommitTime())
              .atZone(ZoneOffset.UTC).toLocalDate().toString();
          RegistryComparison.Result compared = previous == null
              ? new RegistryComparison.Result(List.of(), List.of())
              : RegistryComparison.compare(previous, registry);
          entries.add(new Entry(release.tag(), date, previousTag, compared.changes(),
              compared.breaks(), (int) registry.allMessages().count(),
              (int) registry.allFeatures().count()));
        }
        show = show || release.tag().equals(sinceTag);
        previous = registry;
        previousTag = release.tag();
      }
      return new Changelog(entries, since);
    }
  }

  /**
   * What HEAD holds that the newest release does not: the changes a release tagged now would
   * have (its previous tag is null when nothing was released yet).
   */
  public static Entry unreleased(Path folder) throws HistoryException, IOException {
    try (GitRepository repository = GitRepository.open(folder)) {
      if (repository.isShallow()) {
        throw new HistoryException(GitRepository.shallowMessage("the release tags and their"
            + " history"));
      }
      String path = repository.relativePath(folder);
      RevisionRegistry.Loaded head =
          RevisionRegistry.load(repository, repository.resolve("HEAD"), path);
      if (head.diagnostics().stream()
          .anyMatch(d -> d.severity() == org.vhostuser.spec.registry.Severity.ERROR)) {
        throw new HistoryException("the registry at HEAD has errors; run vhost-spec validate");
      }
      List<Releases.Release> releases = Releases.list(repository);
      String date = Instant.ofEpochSecond(repository.resolve("HEAD").getCommitTime())
          .atZone(ZoneOffset.UTC).toLocalDate().toString();
      Registry registry = head.registry();
      if (releases.isEmpty()) {
        return new Entry(UNRELEASED, date, null, List.of(), List.of(),
            (int) registry.allMessages().count(), (int) registry.allFeatures().count());
      }
      Releases.Release last = releases.get(releases.size() - 1);
      Registry released = RevisionRegistry.load(repository, last.commit(), path).registry();
      RegistryComparison.Result compared = RegistryComparison.compare(released, registry);
      return new Entry(UNRELEASED, date, last.tag(), compared.changes(), compared.breaks(),
          (int) registry.allMessages().count(), (int) registry.allFeatures().count());
    }
  }

  /** The name {@link #unreleased} gives its entry. */
  public static final String UNRELEASED = "Unreleased";

  /**
   * The first release of every message and feature of the registry folder {@code folder}, or
   * nothing outside a git checkout or without tags (then without starting JGit at all); empty
   * in a shallow clone, whose tags and history may be cut.
   */
  public static Optional<Map<String, String>> sinceOf(Path folder) throws IOException {
    return Releases.isShallow(folder) ? Optional.empty() : Optional.of(orNone(folder).since());
  }

  /** A changelog without releases: outside a checkout, without tags, or in a shallow clone. */
  public static Changelog none() {
    return new Changelog(List.of(), Map.of());
  }

  /**
   * The changelog of every release of the registry folder {@code folder}, or {@link #none()}
   * when there is no tag, no checkout, or only a shallow clone (whose history is cut).
   */
  public static Changelog orNone(Path folder) throws IOException {
    if (Releases.isShallow(folder) || !Releases.mayExist(folder)) {
      return none();
    }
    try {
      return of(folder, null);
    } catch (HistoryException e) {
      return none();
    }
  }

  /** The same changelog as it stood at release {@code tag}: that release and the ones before. */
  public Changelog upTo(String tag) {
    List<Entry> kept = new ArrayList<>();
    for (Entry entry : releases) {
      kept.add(entry);
      if (entry.tag().equals(tag)) {
        break;
      }
    }
    java.util.Set<String> tags = new java.util.HashSet<>();
    kept.forEach(e -> tags.add(e.tag()));
    Map<String, String> sinceThen = new LinkedHashMap<>();
    since.forEach((key, release) -> {
      if (tags.contains(release)) {
        sinceThen.put(key, release);
      }
    });
    return new Changelog(kept, sinceThen);
  }

  /** The first release of each message and feature by name alone (names are unique). */
  public Map<String, String> sinceByName() {
    Map<String, String> byName = new java.util.TreeMap<>();
    since.forEach((key, release) -> byName.put(key.substring(key.lastIndexOf(' ') + 1), release));
    return byName;
  }

  /** The key {@link #since} uses for a message or feature: its kind and name. */
  public static String key(String kind, String name) {
    return kind + " " + name;
  }

  private static void recordSince(Registry registry, String tag, Map<String, String> since) {
    for (var table : registry.messageTables()) {
      for (Message message : table.messages()) {
        if (message.status() == Status.RESERVED) {
          continue; // a number held for a proposal is not yet part of a release
        }
        String first = firstOf(since, table.direction().yamlName() + " message", message.name(),
            message.previousNames());
        since.putIfAbsent(key(table.direction().yamlName() + " message", message.name()),
            first == null ? tag : first);
      }
    }
    for (var table : registry.featureTables()) {
      String kind = table.kind().name().toLowerCase(java.util.Locale.ROOT) + " feature";
      for (Feature feature : table.features()) {
        if (feature.status() == Status.RESERVED) {
          continue;
        }
        String first = firstOf(since, kind, feature.name(), feature.previousNames());
        since.putIfAbsent(key(kind, feature.name()), first == null ? tag : first);
      }
    }
  }

  /** The release of an entry under one of its previous names, when it was renamed. */
  private static String firstOf(Map<String, String> since, String kind, String name,
      List<String> previousNames) {
    for (String previous : previousNames) {
      String tag = since.get(key(kind, previous));
      if (tag != null) {
        return tag;
      }
    }
    return null;
  }

  /** The changelog as Markdown, newest release first. */
  public String markdown() {
    return markdown(null);
  }

  /** As {@link #markdown()}, saying "no release after TAG" when {@code sinceTag} is the newest. */
  public String markdown(String sinceTag) {
    StringBuilder out = new StringBuilder(TITLE);
    if (releases.isEmpty()) {
      out.append(sinceTag == null ? "No release has been tagged yet.\n"
          : "No release after " + sinceTag + "; `vhost-spec changelog --unreleased` shows what"
              + " the next one would hold.\n");
      return out.toString();
    }
    for (int i = releases.size() - 1; i >= 0; i--) {
      appendEntry(out, releases.get(i));
    }
    return out.toString();
  }

  /** The unreleased changes as Markdown: the text of the next release's tag message. */
  public static String unreleasedMarkdown(Entry entry) {
    StringBuilder out = new StringBuilder(TITLE);
    appendEntry(out, entry);
    return out.toString();
  }

  private static final String TITLE = "# Changelog of the vhost-user protocol registry\n\n";

  private static void appendEntry(StringBuilder out, Entry entry) {
    out.append("## ").append(entry.tag()).append(" (").append(entry.date()).append(")\n\n");
    if (entry.previous() == null) {
      out.append(entry.tag().equals(UNRELEASED) ? "Nothing released yet; a first release would"
          + " hold " : "First release: ").append(entry.messages()).append(" messages and ")
          .append(entry.features()).append(" features.\n\n");
      return;
    }
    if (entry.changes().isEmpty()) {
      out.append("No change to the protocol since ").append(entry.previous()).append(".\n\n");
      return;
    }
    if (entry.tag().equals(UNRELEASED)) {
      out.append("Since ").append(entry.previous()).append(":\n\n");
    }
    Map<Change.Kind, List<Change>> byKind = new LinkedHashMap<>();
    for (Change.Kind kind : Change.Kind.values()) {
      byKind.put(kind, new ArrayList<>());
    }
    entry.changes().forEach(c -> byKind.get(c.kind()).add(c));
    byKind.forEach((kind, changes) -> {
      if (!changes.isEmpty()) {
        out.append("### ").append(Character.toUpperCase(kind.word().charAt(0)))
            .append(kind.word().substring(1)).append("\n\n");
        changes.forEach(c -> out.append("- ").append(c.subject().kind()).append(" `")
            .append(c.subject().name()).append("`: ").append(c.description()).append('\n'));
        out.append('\n');
      }
    });
    if (!entry.breaks().isEmpty()) {
      out.append("### Breaking changes\n\n");
      entry.breaks().forEach(b -> out.append("- `").append(b.rule().id()).append("` ")
          .append(b.subject()).append(": ").append(b.message()).append('\n'));
      out.append('\n');
    }
  }
}
