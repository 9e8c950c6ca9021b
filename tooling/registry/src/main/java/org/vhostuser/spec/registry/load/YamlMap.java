package org.vhostuser.spec.registry.load;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Spelling;

/**
 * A YAML mapping read against the keys it may have. Reading a key never throws: a missing,
 * mistyped or malformed value is reported once and read as absent, so loading goes on.
 */
final class YamlMap {
  private final Path file;
  private final Diagnostics out;
  private final SourcePosition at;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(Path file, Diagnostics out, SourcePosition at) {
    this.file = file;
    this.out = out;
    this.at = at;
  }

  /**
   * Reads {@code node} as a mapping with the given keys, reporting duplicate and unknown keys.
   * Returns empty (after reporting) when the node is not a mapping.
   */
  static Optional<YamlMap> of(
      Path file, Node node, String what, Set<String> allowedKeys, Diagnostics out) {
    SourcePosition at = Positions.of(file, node);
    if (!(node instanceof MappingNode mapping)) {
      out.error(at, Code.WRONG_TYPE, what + " must be a mapping, found " + describe(node));
      return Optional.empty();
    }
    YamlMap map = new YamlMap(file, out, at);
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      SourcePosition keyAt = Positions.of(file, keyNode);
      if (!(keyNode instanceof ScalarNode scalar)) {
        out.error(keyAt, Code.WRONG_TYPE, "keys must be plain words, found " + describe(keyNode));
        continue;
      }
      String key = scalar.getValue();
      NodeTuple first = map.entries.get(key);
      if (first != null) {
        SourcePosition firstAt = Positions.of(file, first.getKeyNode());
        out.error(keyAt, Code.DUPLICATE_KEY,
            "duplicate key '" + key + "' (first at line " + firstAt.line() + ")");
        continue;
      }
      if (!allowedKeys.contains(key)) {
        out.error(keyAt, Code.UNKNOWN_KEY, "unknown key '" + key + "' in " + what
            + Spelling.suggestion(key, allowedKeys));
        continue;
      }
      map.entries.put(key, tuple);
    }
    return Optional.of(map);
  }

  /** Where the mapping starts. */
  SourcePosition at() {
    return at;
  }

  /** Where the value of {@code key} starts, or the mapping's start when the key is absent. */
  SourcePosition at(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? at : Positions.of(file, tuple.getValueNode());
  }

  /** The value node of a key that is present and not null. */
  Optional<Node> node(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || Positions.isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    return Optional.of(tuple.getValueNode());
  }

  /** True when the key is present with a non-null value. */
  boolean has(String key) {
    return node(key).isPresent();
  }

  /** Reports a missing key when it is required and absent. */
  private Optional<Node> node(String key, boolean required, String what) {
    Optional<Node> node = node(key);
    if (node.isEmpty() && required) {
      out.error(at, Code.MISSING_KEY, "missing required key '" + key + "' (" + what + ")");
    }
    return node;
  }

  /** A string value. */
  String string(String key, boolean required) {
    return node(key, required, "a string").map(n -> asString(n, key)).orElse(null);
  }

  /** An integer value, decimal or 0x hexadecimal. */
  Long integer(String key, boolean required) {
    return node(key, required, "an integer").map(n -> asInteger(n, key)).orElse(null);
  }

  /** A boolean value; absent reads as false. */
  boolean bool(String key) {
    Optional<Node> node = node(key);
    if (node.isEmpty()) {
      return false;
    }
    if (node.get() instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
      return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT));
    }
    wrongType(node.get(), key, "true or false");
    return false;
  }

  /** A reference to another entry by name. */
  Ref ref(String key, boolean required) {
    return node(key, required, "a name")
        .map(n -> {
          String name = asString(n, key);
          return name == null ? null : new Ref(name, Positions.of(file, n));
        })
        .orElse(null);
  }

  /** One of a fixed set of words, mapped to its meaning. */
  <T> T choice(String key, Map<String, T> allowed, boolean required) {
    Optional<Node> node = node(key, required, "one of " + String.join(", ", allowed.keySet()));
    if (node.isEmpty()) {
      return null;
    }
    String word = asString(node.get(), key);
    if (word == null) {
      return null;
    }
    T value = allowed.get(word);
    if (value == null) {
      out.error(Positions.of(file, node.get()), Code.BAD_VALUE, "'" + key + "' must be one of "
          + String.join(", ", allowed.keySet()) + ", found '" + word + "'"
          + Spelling.suggestion(word, allowed.keySet()));
    }
    return value;
  }

  /** A list of strings; absent reads as empty. */
  List<String> strings(String key) {
    List<String> values = new ArrayList<>();
    for (Node item : items(key)) {
      String value = asString(item, key);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** A list of names referring to other entries; absent reads as empty. */
  List<Ref> refs(String key) {
    List<Ref> values = new ArrayList<>();
    for (Node item : items(key)) {
      String value = asString(item, key);
      if (value != null) {
        values.add(new Ref(value, Positions.of(file, item)));
      }
    }
    return values;
  }

  /** A list of integers; items that are not integers are reported and left out. */
  List<Long> integers(String key) {
    List<Long> values = new ArrayList<>();
    for (Node item : items(key)) {
      Long value = asInteger(item, key);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** The items of a sequence value; absent reads as empty. */
  List<Node> items(String key) {
    Optional<Node> node = node(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (node.get() instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    wrongType(node.get(), key, "a list");
    return List.of();
  }

  /** A nested mapping with its own keys. */
  Optional<YamlMap> map(String key, Set<String> allowedKeys, boolean required) {
    return node(key, required, "a mapping")
        .flatMap(n -> of(file, n, "'" + key + "'", allowedKeys, out));
  }

  private String asString(Node node, String key) {
    if (node instanceof ScalarNode s && Tag.STR.equals(s.getTag())) {
      return s.getValue();
    }
    wrongType(node, key, "a string");
    return null;
  }

  private Long asInteger(Node node, String key) {
    if (node instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
      Long value;
      try {
        value = parseInteger(s.getValue());
      } catch (NumberFormatException e) {
        wrongType(node, key, "an integer");
        return null;
      }
      if (value == null) {
        out.error(Positions.of(file, node), Code.NUMBER_OUT_OF_RANGE,
            "'" + key + "' value " + s.getValue() + " does not fit in 64 bits");
      }
      return value;
    }
    wrongType(node, key, "an integer");
    return null;
  }

  /**
   * Parses a YAML 1.2 core-schema integer; null when it does not fit 64 bits.
   *
   * @throws NumberFormatException when the text is not an integer at all
   */
  static Long parseInteger(String text) {
    String digits = text.replace("_", "");
    int radix = 10;
    boolean negative = digits.startsWith("-");
    if (digits.startsWith("-") || digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
    }
    BigInteger value = new BigInteger(digits, radix);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() > 64 || (negative && value.bitLength() > 63)) {
      return null;
    }
    return value.longValue();
  }

  private void wrongType(Node node, String key, String expected) {
    out.error(Positions.of(file, node), Code.WRONG_TYPE,
        "'" + key + "' must be " + expected + ", found " + describe(node));
  }

  /** A short description of what a node is, for type errors. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    String value = scalar.getValue();
    String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
    Tag tag = scalar.getTag();
    if (Tag.INT.equals(tag)) {
      return "the integer " + shown;
    }
    if (Tag.BOOL.equals(tag)) {
      return "the boolean " + shown;
    }
    if (Tag.FLOAT.equals(tag)) {
      return "the number " + shown;
    }
    if (Tag.NULL.equals(tag)) {
      return "nothing";
    }
    return "the string '" + shown + "'";
  }
}
