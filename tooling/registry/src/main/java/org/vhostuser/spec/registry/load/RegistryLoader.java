package org.vhostuser.spec.registry.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Deprecation;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.EnumKind;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.FdSpec;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureKind;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Header;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.NumberRange;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.RegistryInfo;
import org.vhostuser.spec.registry.Replies;
import org.vhostuser.spec.registry.Requirements;
import org.vhostuser.spec.registry.Retired;
import org.vhostuser.spec.registry.SourceDocument;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Spelling;
import org.vhostuser.spec.registry.Status;

/**
 * Builds the {@link Registry} from the YAML files of a registry folder. Every problem becomes a
 * diagnostic; whatever could be read is kept, so validation can report everything at once.
 */
public final class RegistryLoader {

  private static final Map<String, Status> STATUSES = words(Status.values(), Status::yamlName);
  private static final Map<String, Replies> REPLIES = words(Replies.values(), Replies::yamlName);
  private static final Map<String, EnumKind> ENUM_KINDS =
      words(EnumKind.values(), k -> k.name().toLowerCase(java.util.Locale.ROOT));
  private static final Map<String, Direction> DIRECTIONS =
      words(Direction.values(), Direction::yamlName);

  private static final Set<String> MESSAGE_KEYS =
      Set.of("name", "id", "summary", "ioctl", "request", "reply", "request_fds", "reply_fds",
          "replies", "reply_condition", "requires", "status", "previous_names", "deprecated",
          "proposal", "owner", "notes");
  private static final Set<String> FEATURE_KEYS =
      Set.of("name", "bit", "summary", "depends_on", "enables", "status", "previous_names",
          "deprecated", "proposal", "owner", "notes");
  private static final Set<String> PAYLOAD_KEYS =
      Set.of("name", "summary", "c_names", "size", "fields", "notes");
  private static final Set<String> FIELD_KEYS =
      Set.of("name", "type", "count", "max_count", "count_field", "padding", "values", "summary",
          "notes");
  private static final Set<String> ENUM_KEYS =
      Set.of("name", "summary", "kind", "type", "members", "notes");
  private static final Set<String> MEMBER_KEYS =
      Set.of("name", "value", "bit", "mask", "summary", "previous_names", "notes");
  private static final Set<String> LIMIT_KEYS = Set.of("name", "value", "summary", "notes");
  private static final Set<String> FD_KEYS = Set.of("min", "max", "what");
  private static final Set<String> REQUIRES_KEYS = Set.of("protocol", "virtio", "when", "rule");
  private static final Map<String, Boolean> REQUIREMENT_STATES = new LinkedHashMap<>();

  static {
    REQUIREMENT_STATES.put("negotiated", false);
    REQUIREMENT_STATES.put("offered", true);
  }
  private static final Set<String> DEPRECATED_KEYS = Set.of("reason", "replacement");
  private static final Set<String> RANGE_KEYS =
      Set.of("table", "first", "last", "use", "summary");
  private static final Map<String, String> RANGE_TABLES = Map.of("front-end", "front-end",
      "back-end", "back-end", "protocol-features", "protocol-features");
  private static final Set<String> SOURCE_KEYS =
      Set.of("name", "repository", "path", "commit", "note");

  private final Path root;
  private final Map<String, byte[]> contents;
  private final TableCache cache;
  private final Diagnostics out;
  private final Set<String> unavailable = new TreeSet<>();

  private RegistryLoader(Path root, Map<String, byte[]> contents, TableCache cache,
      Diagnostics out) {
    this.root = root;
    this.contents = contents;
    this.cache = cache;
    this.out = out;
  }

  /** Loads every table of the registry folder {@code root}, reporting problems into {@code out}. */
  public static Registry load(Path root, Diagnostics out) {
    return new RegistryLoader(root, null, null, out).load();
  }

  /**
   * Loads a registry whose YAML files were read elsewhere (from a git revision): {@code contents}
   * maps each file name of the folder to its bytes, and {@code root} is the folder name that
   * positions carry.
   */
  public static Registry load(Path root, Map<String, byte[]> contents, Diagnostics out) {
    return new RegistryLoader(root, Map.copyOf(contents), null, out).load();
  }

  /** As {@link #load(Path, Map, Diagnostics)}, reusing the tables {@code cache} already holds. */
  public static Registry load(Path root, Map<String, byte[]> contents, TableCache cache,
      Diagnostics out) {
    return new RegistryLoader(root, Map.copyOf(contents), cache, out).load();
  }

  private Registry load() {
    reportUnknownFiles();
    return new Registry(
        root,
        cached(RegistryFiles.INFO, this::readInfo),
        cached(RegistryFiles.HEADER, this::readHeader),
        cached(RegistryFiles.FRONT_END,
            () -> readMessages(RegistryFiles.FRONT_END, Direction.FRONT_END)),
        cached(RegistryFiles.BACK_END,
            () -> readMessages(RegistryFiles.BACK_END, Direction.BACK_END)),
        cached(RegistryFiles.PROTOCOL_FEATURES,
            () -> readFeatures(RegistryFiles.PROTOCOL_FEATURES, FeatureKind.PROTOCOL)),
        cached(RegistryFiles.VIRTIO_FEATURES,
            () -> readFeatures(RegistryFiles.VIRTIO_FEATURES, FeatureKind.VIRTIO)),
        cached(RegistryFiles.PAYLOADS, () -> readList(RegistryFiles.PAYLOADS, "payloads",
            this::payload)),
        cached(RegistryFiles.ENUMS, () -> readList(RegistryFiles.ENUMS, "enums",
            this::enumType)),
        unavailable,
        cached(RegistryFiles.WIRE_RULES, () -> WireRulesReader.read(this, out)),
        cached(RegistryFiles.QUIRKS, () -> WireRulesReader.quirks(this, out)));
  }

  /** Reads one table, or takes it from the cache when this exact content was read before. */
  @SuppressWarnings("unchecked")
  private <T> T cached(String fileName, java.util.function.Supplier<T> read) {
    byte[] bytes = contents == null ? null : contents.get(fileName);
    if (cache == null || bytes == null) {
      return read.get();
    }
    Object hit = cache.get(fileName, bytes);
    if (hit != null) {
      return (T) hit;
    }
    int before = out.count();
    T table = read.get();
    if (out.count() == before && !unavailable.contains(fileName)) {
      cache.put(fileName, bytes, table);
    }
    return table;
  }

  private void reportUnknownFiles() {
    Set<String> names = new TreeSet<>();
    if (contents != null) {
      contents.keySet().stream().filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .forEach(names::add);
    } else {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*.{yaml,yml}")) {
        files.forEach(f -> names.add(f.getFileName().toString()));
      } catch (IOException e) {
        return; // each table file then reports its own problem
      }
    }
    for (String name : names) {
      if (!RegistryFiles.TABLES.contains(name) && !RegistryFiles.OTHERS.contains(name)
          && !RegistryFiles.OPTIONAL_TABLES.contains(name)) {
        out.warning(SourcePosition.ofFile(root.resolve(name)), Code.UNKNOWN_FILE,
            "'" + name + "' is not a registry table; tables are " + String.join(", ",
                new TreeSet<>(RegistryFiles.TABLES)) + Spelling.suggestion(name, RegistryFiles.TABLES));
      }
    }
  }

  /** True when the optional table {@code fileName} exists in the folder (or the contents). */
  boolean present(String fileName) {
    return contents == null ? Files.exists(root.resolve(fileName), LinkOption.NOFOLLOW_LINKS)
        : contents.containsKey(fileName);
  }

  /** Reads a table's top-level mapping, reporting problems; empty when it cannot be read. */
  Optional<YamlMap> top(String fileName, Set<String> keys) {
    Path file = root.resolve(fileName);
    Optional<YamlMap> top = read(fileName, file)
        .flatMap(node -> YamlMap.of(file, node, "'" + fileName + "'", keys, out));
    if (top.isEmpty()) {
      unavailable.add(fileName);
    }
    return top;
  }

  private Optional<Node> read(String fileName, Path file) {
    if (contents == null) {
      return YamlSource.read(file, out);
    }
    byte[] bytes = contents.get(fileName);
    if (bytes == null) {
      out.error(SourcePosition.ofFile(file), Code.FILE_MISSING, "file not found");
      return Optional.empty();
    }
    return YamlSource.parse(file, bytes, out);
  }

  private RegistryInfo readInfo() {
    Optional<YamlMap> top = top(RegistryFiles.INFO, Set.of("title", "sources", "reserved_ranges"));
    if (top.isEmpty()) {
      return new RegistryInfo(null, List.of());
    }
    YamlMap map = top.get();
    List<SourceDocument> sources = new ArrayList<>();
    for (Node item : map.items("sources")) {
      YamlMap.of(map.at().file(), item, "a source", SOURCE_KEYS, out)
          .ifPresent(s -> sources.add(new SourceDocument(s.string("name", true),
              s.string("repository", false), s.string("path", false), s.string("commit", false),
              s.string("note", false))));
    }
    List<NumberRange> ranges = each(map, "reserved_ranges", "a reserved range", RANGE_KEYS,
        r -> new NumberRange(r.choice("table", RANGE_TABLES, true), r.integer("first", true),
            r.integer("last", true), r.string("use", true), r.string("summary", true), r.at()));
    return new RegistryInfo(map.string("title", true), sources, ranges);
  }

  private Header readHeader() {
    Optional<YamlMap> top = top(RegistryFiles.HEADER, Set.of("fields", "flags", "limits"));
    if (top.isEmpty()) {
      return new Header(List.of(), List.of(), List.of());
    }
    YamlMap map = top.get();
    return new Header(
        each(map, "fields", "a header field", FIELD_KEYS, this::field),
        each(map, "flags", "a header flag", MEMBER_KEYS, this::member),
        each(map, "limits", "a limit", LIMIT_KEYS, this::limit));
  }

  private MessageTable readMessages(String fileName, Direction direction) {
    Path file = root.resolve(fileName);
    Optional<YamlMap> top = top(fileName, Set.of("direction", "messages", "retired"));
    if (top.isEmpty()) {
      return new MessageTable(direction, List.of(), List.of(), file);
    }
    YamlMap map = top.get();
    Direction stated = map.choice("direction", DIRECTIONS, true);
    if (stated != null && stated != direction) {
      out.error(map.at("direction"), Code.BAD_VALUE, "'" + fileName + "' holds "
          + direction.yamlName() + " messages, but says direction: " + stated.yamlName());
    }
    requirePresent(map, "messages");
    return new MessageTable(direction,
        each(map, "messages", "a message", MESSAGE_KEYS, m -> message(m, direction)),
        each(map, "retired", "a retired id", Set.of("id", "name", "reason"),
            r -> retired(r, "id")),
        file);
  }

  private FeatureTable readFeatures(String fileName, FeatureKind kind) {
    Path file = root.resolve(fileName);
    Optional<YamlMap> top = top(fileName, Set.of("features", "retired"));
    if (top.isEmpty()) {
      return new FeatureTable(kind, List.of(), List.of(), file);
    }
    YamlMap map = top.get();
    requirePresent(map, "features");
    return new FeatureTable(kind,
        each(map, "features", "a feature", FEATURE_KEYS, f -> feature(f, kind)),
        each(map, "retired", "a retired bit", Set.of("bit", "name", "reason"),
            r -> retired(r, "bit")),
        file);
  }

  private <T> List<T> readList(String fileName, String key, Function<YamlMap, T> reader) {
    Optional<YamlMap> top = top(fileName, Set.of(key));
    if (top.isEmpty()) {
      return List.of();
    }
    requirePresent(top.get(), key);
    Set<String> keys = key.equals("payloads") ? PAYLOAD_KEYS : ENUM_KEYS;
    String what = key.equals("payloads") ? "a payload" : "an enum";
    return each(top.get(), key, what, keys, reader);
  }

  private void requirePresent(YamlMap map, String key) {
    if (!map.has(key)) {
      out.error(map.at(), Code.MISSING_KEY, "missing required key '" + key + "' (a list)");
    }
  }

  /** Reads each item of the list under {@code key} as a mapping with the given keys. */
  <T> List<T> each(
      YamlMap map, String key, String what, Set<String> keys, Function<YamlMap, T> reader) {
    List<T> result = new ArrayList<>();
    for (Node item : map.items(key)) {
      YamlMap.of(map.at().file(), item, what, keys, out).map(reader).ifPresent(result::add);
    }
    return result;
  }

  private Message message(YamlMap m, Direction direction) {
    Status status = status(m);
    boolean full = status != Status.RESERVED;
    Replies replies = m.choice("replies", REPLIES, full);
    return new Message(
        direction,
        m.string("name", true),
        m.integer("id", true),
        summary(m, full),
        m.string("ioctl", false),
        m.ref("request", false),
        m.ref("reply", false),
        fds(m, "request_fds"),
        fds(m, "reply_fds"),
        replies == null && !full ? Replies.NEVER : replies,
        m.string("reply_condition", false),
        m.map("requires", REQUIRES_KEYS, false)
            .map(r -> new Requirements(r.refs("protocol"), r.refs("virtio"),
                Boolean.TRUE.equals(r.choice("when", REQUIREMENT_STATES, false)),
                r.string("rule", false), r.has("rule") ? r.at("rule") : null))
            .orElse(Requirements.none()),
        status,
        m.strings("previous_names"),
        deprecation(m),
        m.string("proposal", false),
        m.string("owner", false),
        m.strings("notes"),
        m.at());
  }

  private Feature feature(YamlMap f, FeatureKind kind) {
    Status status = status(f);
    return new Feature(
        kind,
        f.string("name", true),
        f.integer("bit", true),
        summary(f, status != Status.RESERVED),
        f.refs("depends_on"),
        f.refs("enables"),
        status,
        f.strings("previous_names"),
        deprecation(f),
        f.string("proposal", false),
        f.string("owner", false),
        f.strings("notes"),
        f.at());
  }

  /**
   * The summary of a message or feature. A reservation holds only a number (its name, number,
   * proposal and owner), so without a summary it gets one that points at its proposal; its reply
   * rule is {@code never} until the proposal fills it in.
   */
  private String summary(YamlMap map, boolean required) {
    String summary = map.string("summary", required);
    if (summary != null || required) {
      return summary;
    }
    String proposal = map.string("proposal", false);
    return "Number held for " + (proposal == null ? "a proposal in review" : proposal) + ".";
  }

  private Status status(YamlMap map) {
    if (!map.has("status")) {
      return Status.STABLE;
    }
    return map.choice("status", STATUSES, false);
  }

  private Deprecation deprecation(YamlMap map) {
    return map.map("deprecated", DEPRECATED_KEYS, false)
        .map(d -> new Deprecation(d.string("reason", false), d.ref("replacement", false), d.at()))
        .orElse(null);
  }

  private FdSpec fds(YamlMap map, String key) {
    return map.map(key, FD_KEYS, false)
        .map(f -> {
          Long min = f.integer("min", true);
          Long max = f.integer("max", true);
          if (min == null || max == null) {
            return null;
          }
          return new FdSpec(clampToInt(min), clampToInt(max), f.string("what", false), f.at());
        })
        .orElse(null);
  }

  private static int clampToInt(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  private Retired retired(YamlMap r, String numberKey) {
    Long number = r.integer(numberKey, true);
    return number == null
        ? null
        : new Retired(number, r.string("name", true), r.string("reason", true), r.at());
  }

  private Payload payload(YamlMap p) {
    requirePresent(p, "fields");
    return new Payload(
        p.string("name", true),
        p.string("summary", true),
        p.strings("c_names"),
        p.integer("size", false),
        each(p, "fields", "a field", FIELD_KEYS, this::field),
        p.strings("notes"),
        p.at());
  }

  private Field field(YamlMap f) {
    Long count = null;
    boolean flexible = false;
    Optional<Node> countNode = f.node("count");
    if (countNode.isPresent()) {
      if (countNode.get() instanceof ScalarNode s && Tag.STR.equals(s.getTag())
          && s.getValue().equals("flexible")) {
        flexible = true;
      } else if (countNode.get() instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
        count = f.integer("count", false);
      } else {
        out.error(f.at("count"), Code.WRONG_TYPE, "'count' must be an integer or 'flexible', found "
            + YamlMap.describe(countNode.get()));
      }
    }
    return new Field(
        f.string("name", true),
        f.ref("type", true),
        count,
        flexible,
        f.integer("max_count", false),
        f.bool("padding"),
        f.ref("values", false),
        f.string("summary", false),
        f.strings("notes"),
        f.at(),
        f.ref("count_field", false));
  }

  private EnumType enumType(YamlMap e) {
    requirePresent(e, "members");
    return new EnumType(
        e.string("name", true),
        e.string("summary", true),
        e.choice("kind", ENUM_KINDS, true),
        e.string("type", true),
        each(e, "members", "an enum member", MEMBER_KEYS, this::member),
        e.strings("notes"),
        e.at());
  }

  private EnumMember member(YamlMap m) {
    return new EnumMember(
        m.string("name", true),
        m.integer("value", false),
        m.integer("bit", false),
        m.integer("mask", false),
        m.string("summary", false),
        m.strings("previous_names"),
        m.strings("notes"),
        m.at());
  }

  private Limit limit(YamlMap l) {
    return new Limit(
        l.string("name", true),
        l.integer("value", true),
        l.string("summary", true),
        l.strings("notes"),
        l.at());
  }

  /** The YAML spelling of each value, for {@link YamlMap#choice}. */
  static <T> Map<String, T> words(T[] values, Function<T, String> word) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T value : values) {
      map.put(word.apply(value), value);
    }
    return map;
  }
}
