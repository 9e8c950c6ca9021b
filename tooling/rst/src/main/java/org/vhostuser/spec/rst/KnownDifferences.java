package org.vhostuser.spec.rst;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.load.YamlSource;

/**
 * The differences between a vhost-user.rst and the registry that the specification explains,
 * read from a YAML file ({@code differences:} entries with {@code entry}, {@code aspect},
 * {@code rst}, {@code registry} and {@code explained_by}). A difference listed there is
 * reported as explained; a listed difference that no longer occurs is an error, so the list
 * stays exactly the set of differences that exist.
 */
public final class KnownDifferences {
  private static final Set<String> KEYS = Set.of("entry", "aspect", "rst", "registry",
      "explained_by");

  /** One listed difference and where it is written. */
  public record Known(String entry, Aspect aspect, String rst, String registry,
      String explainedBy, SourcePosition at) {}

  /** The entries of a file, and its problems. */
  public record Parsed(List<Known> entries, List<Diagnostic> diagnostics) {
    public Parsed {
      entries = List.copyOf(entries);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Differences split by whether the file explains them, and the listed ones that are gone. */
  public record Applied(List<Difference> unexplained, List<Difference> explained,
      List<Diagnostic> stale) {
    public Applied {
      unexplained = List.copyOf(unexplained);
      explained = List.copyOf(explained);
      stale = List.copyOf(stale);
    }
  }

  private KnownDifferences() {}

  /** Reads a known-differences file; every problem is a diagnostic. */
  public static Parsed read(Path file) {
    Diagnostics out = new Diagnostics();
    List<Known> entries = new ArrayList<>();
    Optional<Node> root = YamlSource.read(file, out);
    if (root.isPresent()) {
      Map<String, Node> top = mapping(file, root.get(), Set.of("differences"), out);
      Node list = top == null ? null : top.get("differences");
      if (top != null && !(list instanceof SequenceNode)) {
        error(out, file, list == null ? root.get() : list,
            "expected 'differences:' with a list of differences");
      } else if (list != null) {
        for (Node item : ((SequenceNode) list).getValue()) {
          entry(file, item, out).ifPresent(entries::add);
        }
      }
    }
    return new Parsed(entries, out.sorted());
  }

  /** Splits {@code differences} by {@code known}, and reports listed differences not found. */
  public static Applied apply(List<Known> known, List<Difference> differences) {
    List<Difference> unexplained = new ArrayList<>();
    List<Difference> explained = new ArrayList<>();
    boolean[] used = new boolean[known.size()];
    for (Difference d : differences) {
      int index = -1;
      for (int i = 0; i < known.size() && index < 0; i++) {
        Known k = known.get(i);
        if (d.sameAs(k.entry(), k.aspect(), k.rst(), k.registry())) {
          index = i;
        }
      }
      if (index < 0) {
        unexplained.add(d);
      } else {
        used[index] = true;
        explained.add(d);
      }
    }
    Diagnostics out = new Diagnostics();
    for (int i = 0; i < known.size(); i++) {
      if (!used[i]) {
        Known k = known.get(i);
        out.error(k.at(), Code.KNOWN_DIFFERENCE, "the known difference " + k.aspect().id()
            + " of " + k.entry() + " (rst: " + orNone(k.rst()) + ", registry: "
            + orNone(k.registry()) + ") no longer occurs; remove it from the list");
      }
    }
    return new Applied(unexplained, explained, out.sorted());
  }

  private static Optional<Known> entry(Path file, Node item, Diagnostics out) {
    Map<String, Node> map = mapping(file, item, KEYS, out);
    if (map == null) {
      return Optional.empty();
    }
    String entry = text(file, map, item, "entry", true, out);
    String aspectName = text(file, map, item, "aspect", true, out);
    String explainedBy = text(file, map, item, "explained_by", true, out);
    String rst = text(file, map, item, "rst", false, out);
    String registry = text(file, map, item, "registry", false, out);
    if (entry == null || aspectName == null || explainedBy == null) {
      return Optional.empty();
    }
    Optional<Aspect> aspect = Aspect.of(aspectName);
    if (aspect.isEmpty()) {
      List<String> ids = new ArrayList<>();
      for (Aspect a : Aspect.values()) {
        ids.add(a.id());
      }
      error(out, file, map.get("aspect"), "'aspect' must be one of " + String.join(", ", ids)
          + ", found '" + aspectName + "'");
      return Optional.empty();
    }
    return Optional.of(new Known(entry, aspect.get(), rst, registry, explainedBy,
        position(file, item)));
  }

  private static Map<String, Node> mapping(Path file, Node node, Set<String> keys,
      Diagnostics out) {
    if (!(node instanceof MappingNode mapping)) {
      error(out, file, node, "expected a mapping with the keys " + String.join(", ",
          keys.stream().sorted().toList()));
      return null;
    }
    Map<String, Node> map = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
      if (!keys.contains(key)) {
        error(out, file, tuple.getKeyNode(), "unknown key '" + key + "'; the keys are "
            + String.join(", ", keys.stream().sorted().toList()));
      } else if (map.containsKey(key)) {
        error(out, file, tuple.getKeyNode(), "duplicate key '" + key + "'");
      } else {
        map.put(key, tuple.getValueNode());
      }
    }
    return map;
  }

  private static String text(Path file, Map<String, Node> map, Node owner, String key,
      boolean required, Diagnostics out) {
    Node node = map.get(key);
    if (node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
      if (required) {
        error(out, file, node == null ? owner : node, "missing required key '" + key + "'");
      }
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      error(out, file, node, "'" + key + "' must be a single value");
      return null;
    }
    return scalar.getValue();
  }

  private static void error(Diagnostics out, Path file, Node node, String message) {
    out.error(position(file, node), Code.KNOWN_DIFFERENCE, message);
  }

  private static SourcePosition position(Path file, Node node) {
    return node.getStartMark()
        .map(m -> new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourcePosition.ofFile(file));
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }
}
