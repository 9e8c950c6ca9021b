package org.vhostuser.spec.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads generation profiles: the built-in ones ({@link #BUILT_IN}) from the tool's resources,
 * or a project's own YAML file. A profile may {@code extends} another and then states only what
 * differs; maps are merged key by key, everything else is replaced.
 */
public final class Profiles {
  /** The profiles the tool ships, in the order {@code --help} lists them. */
  public static final List<String> BUILT_IN = List.of("default", "qemu", "dpdk", "rust-vmm", "crosvm");

  private static final long MAX_FILE_BYTES = 256 * 1024;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_EXTENDS = 8;

  private static final Set<String> TOP_KEYS = Set.of("profile", "summary", "extends", "languages",
      "licence", "notice", "names", "c", "rust");
  private static final Set<String> C_KEYS = Set.of("file", "indent", "typedefs",
      "front_end_requests", "back_end_requests", "protocol_features", "virtio_features", "header",
      "payload", "payloads", "fields", "flexible", "value_enums", "enum", "enums", "proposed", "limits",
      "previous_names", "assert", "external_names", "external");
  private static final Set<String> RUST_KEYS = Set.of("file", "front_end_requests",
      "back_end_requests", "variants", "request_derives", "protocol_features", "virtio_features",
      "header_flags", "payload", "payloads", "fields", "enums", "payload_derives", "proposed",
      "flexible");

  private Profiles() {}

  /** A profile that cannot be read: one line, positioned where the problem is. */
  public static final class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    ProfileException(String message) {
      super(message);
    }
  }

  /** One value of a profile file and where it was written. */
  private record Value(Object content, String where) {
    @SuppressWarnings("unchecked")
    Map<String, Value> map() {
      return (Map<String, Value>) content;
    }
  }

  /**
   * The profile named {@code nameOrFile}: a built-in name, or the path of a YAML file (any
   * argument that names an existing file or ends in {@code .yaml} or {@code .yml}).
   */
  public static Profile load(String nameOrFile) throws ProfileException {
    return read(resolve(nameOrFile, null, 0));
  }

  /** The built-in default profile, which never fails to load. */
  public static Profile defaults() {
    try {
      return load("default");
    } catch (ProfileException e) {
      throw new IllegalStateException("the built-in default profile is broken: " + e.getMessage(), e);
    }
  }

  private static Value resolve(String nameOrFile, Path relativeTo, int depth)
      throws ProfileException {
    if (depth > MAX_EXTENDS) {
      throw new ProfileException("profile " + nameOrFile + ": 'extends' goes deeper than "
          + MAX_EXTENDS + " profiles (a cycle?) [profile]");
    }
    Value own;
    Path file = null;
    if (BUILT_IN.contains(nameOrFile)) {
      own = parse(builtIn(nameOrFile), "profiles/" + nameOrFile + ".yaml");
    } else if (isFile(nameOrFile, relativeTo)) {
      file = relativeTo == null ? Path.of(nameOrFile) : relativeTo.resolveSibling(nameOrFile);
      own = parse(readFile(file), file.toString());
    } else {
      throw new ProfileException("unknown profile '" + nameOrFile + "'; use one of "
          + String.join(", ", BUILT_IN) + ", or the path of a profile .yaml file [profile]");
    }
    if (!(own.content() instanceof Map)) {
      throw new ProfileException(own.where() + ": error: a profile must be a mapping [profile]");
    }
    Value parent = own.map().get("extends");
    if (parent == null) {
      return own;
    }
    if (!(parent.content() instanceof String parentName)) {
      throw new ProfileException(parent.where() + ": error: 'extends' names one profile [profile]");
    }
    Value base = resolve(parentName, file, depth + 1);
    Map<String, Value> merged = new LinkedHashMap<>(merge(base, own).map());
    merged.remove("extends");
    return new Value(merged, own.where());
  }

  private static boolean isFile(String name, Path relativeTo) {
    Path path = relativeTo == null ? Path.of(name) : relativeTo.resolveSibling(name);
    return Files.exists(path) || name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String builtIn(String name) {
    try (InputStream in = Profiles.class.getResourceAsStream("profiles/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("missing built-in profile " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in profile " + name, e);
    }
  }

  private static String readFile(Path file) throws ProfileException {
    try {
      if (!Files.isRegularFile(file)) {
        throw new ProfileException(file + ": error: no profile file here"
            + (Files.exists(file) ? " (not a regular file)" : "") + " [profile]");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ProfileException(file + ":1:1: error: a profile file is at most "
            + MAX_FILE_BYTES / 1024 + " KiB [profile]");
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ProfileException(file + ":1:1: error: a profile file must be UTF-8 text [profile]");
    } catch (IOException e) {
      throw new ProfileException(file + ": error: cannot read the profile: " + e.getMessage()
          + " [profile]");
    }
  }

  private static Value parse(String text, String where) throws ProfileException {
    LoadSettings settings = LoadSettings.builder().setLabel(where).setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(0).setCodePointLimit((int) MAX_FILE_BYTES).build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (YamlEngineException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
      throw new ProfileException(where + ":1:1: error: not a well-formed profile: " + first
          + " [profile]");
    }
    if (root.isEmpty()) {
      throw new ProfileException(where + ":1:1: error: the profile is empty [profile]");
    }
    return convert(root.get(), where, 0);
  }

  private static Value convert(Node node, String file, int depth) throws ProfileException {
    String where = node.getStartMark().map(m -> file + ":" + (m.getLine() + 1) + ":"
        + (m.getColumn() + 1)).orElse(file + ":1:1");
    if (depth > MAX_DEPTH) {
      throw new ProfileException(where + ": error: nested deeper than a profile ever needs ("
          + MAX_DEPTH + " levels) [profile]");
    }
    if (node instanceof ScalarNode scalar) {
      return new Value(scalar.getValue(), where);
    }
    if (node instanceof SequenceNode sequence) {
      List<Value> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(convert(item, file, depth + 1));
      }
      return new Value(items, where);
    }
    Map<String, Value> map = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      Value key = convert(tuple.getKeyNode(), file, depth + 1);
      if (!(key.content() instanceof String name)) {
        throw new ProfileException(key.where() + ": error: keys must be plain words [profile]");
      }
      if (map.containsKey(name)) {
        throw new ProfileException(key.where() + ": error: duplicate key '" + name + "' [profile]");
      }
      Value value = convert(tuple.getValueNode(), file, depth + 1);
      map.put(name, new Value(value.content(), value.content() instanceof String ? key.where()
          : value.where()));
    }
    return new Value(map, where);
  }

  private static Value merge(Value base, Value own) {
    if (base.content() instanceof Map && own.content() instanceof Map) {
      Map<String, Value> merged = new LinkedHashMap<>(base.map());
      own.map().forEach((key, value) -> merged.merge(key, value, Profiles::merge));
      return new Value(merged, own.where());
    }
    return own;
  }

  /** Reads a merged profile tree into the typed record, checking keys and values. */
  private static Profile read(Value root) throws ProfileException {
    Reader top = new Reader(root, "the profile", TOP_KEYS);
    Set<Language> languages = EnumSet.noneOf(Language.class);
    for (String language : top.list("languages", List.of())) {
      languages.add(switch (language) {
        case "c" -> Language.C;
        case "rust" -> Language.RUST;
        default -> throw top.error("languages", "languages are c and rust, found '" + language + "'");
      });
    }
    Profile.CStyle c = languages.contains(Language.C) ? cStyle(top.reader("c", C_KEYS)) : null;
    Profile.RustStyle rust =
        languages.contains(Language.RUST) ? rustStyle(top.reader("rust", RUST_KEYS)) : null;
    return new Profile(top.string("profile", "unnamed"), top.string("summary", ""), languages,
        top.identifierText("licence"), top.string("notice", "").lines().toList(),
        top.identifiers("names"), c, rust);
  }

  private static Profile.CStyle cStyle(Reader c) throws ProfileException {
    Set<String> external = new LinkedHashSet<>(c.list("external_names", List.of()));
    String externalMode = c.choice("external", "guard", "guard", "omit");
    return new Profile.CStyle(c.fileName("file"), c.string("indent", "    "),
        c.bool("typedefs", false), enumStyle(c, "front_end_requests"),
        enumStyle(c, "back_end_requests"), featureStyle(c, "protocol_features"),
        featureStyle(c, "virtio_features"), c.identifier("header", ""),
        c.string("payload", "vhost_user_{name}"), c.identifiers("payloads"),
        c.identifiers("fields"), flexible(c, "omit"),
        c.choice("value_enums", "define", "define", "enum").equals("enum"),
        c.string("enum", "vhost_user_{name}"), c.identifiers("enums"),
        c.identifier("proposed", "VHOST_USER_SPEC_PROPOSED"),
        c.identifier("previous_names", "VHOST_USER_SPEC_PREVIOUS_NAMES"),
        c.identifier("assert", "VHOST_USER_ASSERT"), external, externalMode.equals("omit"),
        c.choice("limits", "unsigned", "unsigned", "plain").equals("plain"));
  }

  private static Profile.EnumStyle enumStyle(Reader parent, String key) throws ProfileException {
    Reader r = parent.reader(key, Set.of("type", "none", "max"));
    return new Profile.EnumStyle(r.identifier("type", ""), r.identifier("none", ""),
        r.identifier("max", ""));
  }

  private static Profile.FeatureStyle featureStyle(Reader parent, String key)
      throws ProfileException {
    Reader r = parent.reader(key, Set.of("type", "max", "all", "masks"));
    return new Profile.FeatureStyle(r.identifier("type", ""), r.identifier("max", ""),
        r.identifier("all", ""), r.bool("masks", true));
  }

  private static Profile.RustStyle rustStyle(Reader r) throws ProfileException {
    return new Profile.RustStyle(r.fileName("file"), r.identifier("front_end_requests", "FrontEndRequest"),
        r.identifier("back_end_requests", "BackEndRequest"),
        r.choice("variants", "camel", "camel", "upper").equals("upper"),
        r.list("request_derives", List.of("Clone", "Copy", "Debug", "PartialEq", "Eq", "Hash")),
        r.identifier("protocol_features", "ProtocolFeatures"),
        r.identifier("virtio_features", "VirtioFeatures"),
        r.identifier("header_flags", "HeaderFlags"), r.string("payload", "{Name}"),
        r.identifiers("payloads"), r.identifiers("fields"), r.identifiers("enums"),
        r.list("payload_derives", List.of("Clone", "Copy")),
        r.string("proposed", "feature = \"proposed\""), flexible(r, "omit"));
  }

  private static Profile.Flexible flexible(Reader r, String fallback) throws ProfileException {
    return Profile.Flexible.valueOf(r.choice("flexible", fallback, "omit", "bounded")
        .toUpperCase(Locale.ROOT));
  }

  /** Typed access to one mapping of a profile, refusing keys it does not know. */
  private static final class Reader {
    private final Map<String, Value> entries;
    private final String where;

    Reader(Value value, String what, Set<String> allowed) throws ProfileException {
      if (!(value.content() instanceof Map)) {
        throw new ProfileException(value.where() + ": error: " + what + " must be a mapping"
            + " [profile]");
      }
      this.entries = value.map();
      this.where = value.where();
      for (Map.Entry<String, Value> entry : entries.entrySet()) {
        if (!allowed.contains(entry.getKey())) {
          throw new ProfileException(entry.getValue().where() + ": error: unknown key '"
              + entry.getKey() + "' in " + what + "; known keys: "
              + String.join(", ", allowed.stream().sorted().toList()) + " [profile]");
        }
      }
    }

    ProfileException error(String key, String message) {
      Value value = entries.get(key);
      return new ProfileException((value == null ? where : value.where()) + ": error: " + message
          + " [profile]");
    }

    Reader reader(String key, Set<String> allowed) throws ProfileException {
      Value value = entries.get(key);
      return new Reader(value == null ? new Value(Map.of(), where) : value, "'" + key + "'",
          allowed);
    }

    String string(String key, String fallback) throws ProfileException {
      Value value = entries.get(key);
      if (value == null) {
        return fallback;
      }
      if (!(value.content() instanceof String text)) {
        throw error(key, "'" + key + "' must be text");
      }
      return text;
    }

    boolean bool(String key, boolean fallback) throws ProfileException {
      String text = string(key, String.valueOf(fallback));
      if (!text.equals("true") && !text.equals("false")) {
        throw error(key, "'" + key + "' must be true or false, found '" + text + "'");
      }
      return Boolean.parseBoolean(text);
    }

    String choice(String key, String fallback, String... allowed) throws ProfileException {
      String text = string(key, fallback);
      if (!List.of(allowed).contains(text)) {
        throw error(key, "'" + key + "' must be one of " + String.join(", ", allowed)
            + ", found '" + text + "'");
      }
      return text;
    }

    /** A C or Rust identifier (empty allowed: "none"). */
    String identifier(String key, String fallback) throws ProfileException {
      String text = string(key, fallback);
      if (!text.isEmpty() && !Identifiers.isIdentifier(text)) {
        throw error(key, "'" + key + "' must be an identifier, found '" + text + "'");
      }
      return text;
    }

    /** Text safe inside a comment line: printable, one line, no comment terminator. */
    String identifierText(String key) throws ProfileException {
      String text = string(key, "");
      if (text.isEmpty() || !Identifiers.isCommentSafe(text)) {
        throw error(key, "'" + key + "' must be one line of printable text (an SPDX expression)");
      }
      return text;
    }

    String fileName(String key) throws ProfileException {
      String text = string(key, "");
      if (!text.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.(h|rs)")) {
        throw error(key, "'" + key + "' must be a plain file name ending in .h or .rs, found '"
            + text + "'");
      }
      return text;
    }

    /** A list of identifiers or paths ({@code zerocopy::FromBytes}). */
    List<String> list(String key, List<String> fallback) throws ProfileException {
      Value value = entries.get(key);
      if (value == null) {
        return fallback;
      }
      if (!(value.content() instanceof List<?> items)) {
        throw error(key, "'" + key + "' must be a list");
      }
      List<String> out = new ArrayList<>();
      for (Object item : items) {
        Value v = (Value) item;
        if (!(v.content() instanceof String text) || !Identifiers.isPath(text)) {
          throw new ProfileException(v.where() + ": error: '" + key + "' lists identifiers"
              + " [profile]");
        }
        out.add(text);
      }
      return out;
    }

    /** A map of names to identifiers; keys may be dotted ({@code payload.field}). */
    Map<String, String> identifiers(String key) throws ProfileException {
      Value value = entries.get(key);
      if (value == null) {
        return Map.of();
      }
      if (!(value.content() instanceof Map)) {
        throw error(key, "'" + key + "' must be a mapping of names");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, Value> entry : value.map().entrySet()) {
        if (!(entry.getValue().content() instanceof String text)
            || !Identifiers.isTypeSpelling(text)) {
          throw new ProfileException(entry.getValue().where() + ": error: '" + key + "' maps '"
              + entry.getKey() + "' to an identifier [profile]");
        }
        out.put(entry.getKey(), text);
      }
      return out;
    }
  }
}
