package org.vhostuser.spec.registry.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.Quirk;
import org.vhostuser.spec.registry.Quirks;
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.WireRules;
import org.vhostuser.spec.registry.WireRules.OrderRule;
import org.vhostuser.spec.registry.WireRules.Precondition;
import org.vhostuser.spec.registry.WireRules.ReceiverRule;
import org.vhostuser.spec.registry.WireRules.RingIndex;
import org.vhostuser.spec.registry.WireRules.WireCheck;

/** Reads the two optional tables of the wire checks: {@code wire-rules.yaml} and {@code quirks.yaml}. */
final class WireRulesReader {
  private static final Map<String, WireCheck.Kind> KINDS =
      RegistryLoader.words(WireCheck.Kind.values(), WireCheck.Kind::yamlName);
  private static final Map<String, ReceiverRule.Situation> SITUATIONS =
      RegistryLoader.words(ReceiverRule.Situation.values(), ReceiverRule.Situation::yamlName);
  private static final Map<String, ReceiverRule.Response> RESPONSES =
      RegistryLoader.words(ReceiverRule.Response.values(), ReceiverRule.Response::yamlName);
  private static final Map<String, Severity> SEVERITIES =
      RegistryLoader.words(Severity.values(), Severity::label);
  private static final Map<String, Direction> SIDES =
      RegistryLoader.words(Direction.values(), Direction::yamlName);

  private static final Map<String, WireRules.SizeRule.Part> PARTS = RegistryLoader.words(
      WireRules.SizeRule.Part.values(), WireRules.SizeRule.Part::yamlName);
  private static final Map<String, Boolean> STATES = new java.util.LinkedHashMap<>();

  static {
    STATES.put("negotiated", false);
    STATES.put("offered", true);
  }

  private WireRulesReader() {}

  /** The wire rules, or none when the registry has no {@code wire-rules.yaml}. */
  static WireRules read(RegistryLoader loader, Diagnostics out) {
    if (!loader.present(RegistryFiles.WIRE_RULES)) {
      return WireRules.none();
    }
    Optional<YamlMap> top = loader.top(RegistryFiles.WIRE_RULES,
        Set.of("checks", "feature_state", "receiver", "size_rules", "enum_rules", "ordering",
            "ring_index"));
    if (top.isEmpty()) {
      return WireRules.none();
    }
    YamlMap map = top.get();
    List<WireCheck> checks = loader.each(map, "checks", "a check",
        Set.of("check", "rule", "severity", "summary"),
        c -> new WireCheck(c.choice("check", KINDS, true), c.string("rule", true),
            orDefault(c.choice("severity", SEVERITIES, false), Severity.ERROR),
            c.string("summary", true), c.at()));
    List<ReceiverRule> receiver = loader.each(map, "receiver", "a receiver rule",
        Set.of("situation", "rule", "reply", "may_close", "summary"),
        r -> new ReceiverRule(r.choice("situation", SITUATIONS, true), r.string("rule", true),
            r.choice("reply", RESPONSES, true), r.bool("may_close"), r.string("summary", true),
            r.at()));
    List<OrderRule> ordering = loader.each(map, "ordering", "an ordering rule",
        Set.of("rule", "summary", "messages", "after", "reset_by"),
        o -> new OrderRule(o.string("rule", true), o.string("summary", true), o.refs("messages"),
            loader.each(o, "after", "a precondition", Set.of("any_of", "same_ring"),
                p -> new Precondition(p.refs("any_of"), p.bool("same_ring"), p.at())),
            o.refs("reset_by"), o.at()));
    WireRules.FeatureState state = map.map("feature_state", Set.of("protocol", "virtio"), false)
        .map(f -> new WireRules.FeatureState(
            Boolean.TRUE.equals(f.choice("protocol", STATES, true)),
            Boolean.TRUE.equals(f.choice("virtio", STATES, true))))
        .orElse(WireRules.FeatureState.NEGOTIATED_BOTH);
    List<WireRules.SizeRule> sizes = loader.each(map, "size_rules", "a size rule",
        Set.of("message", "part", "rule", "severity", "also_allowed", "summary"),
        r -> new WireRules.SizeRule(r.ref("message", true), r.choice("part", PARTS, true),
            r.string("rule", false), r.choice("severity", SEVERITIES, false),
            r.integers("also_allowed"), r.string("summary", true), r.at()));
    List<RingIndex> rings = loader.each(map, "ring_index", "a ring index",
        Set.of("payload", "field", "mask"),
        r -> new RingIndex(r.ref("payload", true), r.string("field", true),
            r.integer("mask", false), r.at()));
    List<WireRules.EnumRule> enums = loader.each(map, "enum_rules", "an enum rule",
        Set.of("enum", "rule", "severity"),
        r -> new WireRules.EnumRule(r.ref("enum", true), r.string("rule", true),
            orDefault(r.choice("severity", SEVERITIES, false), Severity.ERROR), r.at()));
    return new WireRules(checks, state, receiver, sizes, enums, ordering, rings, true);
  }

  /** The quirks, or none when the registry has no {@code quirks.yaml}. */
  static Quirks quirks(RegistryLoader loader, Diagnostics out) {
    if (!loader.present(RegistryFiles.QUIRKS)) {
      return Quirks.none();
    }
    Optional<YamlMap> top = loader.top(RegistryFiles.QUIRKS, Set.of("quirks", "checked"));
    if (top.isEmpty()) {
      return Quirks.none();
    }
    List<Quirks.Checked> checked = loader.each(top.get(), "checked", "a checked implementation",
        Set.of("implementation", "side", "versions", "how", "test"),
        c -> new Quirks.Checked(c.string("implementation", true), c.choice("side", SIDES, true),
            versions(c, out), c.string("how", true), c.string("test", true), c.at()));
    return new Quirks(entries(loader, top.get(), out), checked);
  }

  private static List<String> versions(YamlMap map, Diagnostics out) {
    List<String> versions = map.strings("versions");
    for (String v : versions) {
      if (!Quirk.Versions.valid(v)) {
        out.error(map.at("versions"), Code.BAD_VALUE, "'versions' holds dotted versions such as"
            + " 10.0, found '" + v + "'");
      }
    }
    if (versions.isEmpty()) {
      out.error(map.at(), Code.MISSING_KEY, "missing required key 'versions' (a list)");
    }
    return versions;
  }

  private static List<Quirk> entries(RegistryLoader loader, YamlMap top, Diagnostics out) {
    return loader.each(top, "quirks", "a quirk",
        Set.of("implementation", "side", "since", "until", "rule", "message", "does", "source"),
        q -> new Quirk(q.string("implementation", true), q.choice("side", SIDES, true),
            version(q, "since", out), version(q, "until", out), q.string("rule", true),
            q.ref("message", false), q.string("does", true),
            q.map("source", Set.of("repository", "path", "function", "commit"), true)
                .map(s -> new Quirk.Source(s.string("repository", true), s.string("path", true),
                    s.string("function", false), s.string("commit", true), s.at()))
                .orElse(null),
            q.at()));
  }

  private static String version(YamlMap map, String key, Diagnostics out) {
    Optional<org.snakeyaml.engine.v2.nodes.Node> node = map.node(key);
    if (node.isEmpty()) {
      return null;
    }
    String text = node.get() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s
        ? s.getValue() : null;
    if (!Quirk.Versions.valid(text)) {
      out.error(map.at(key), Code.BAD_VALUE, "'" + key + "' must be a dotted version such as"
          + " 10.0, found " + YamlMap.describe(node.get()));
      return null;
    }
    return text;
  }

  private static <T> T orDefault(T value, T otherwise) {
    return value == null ? otherwise : value;
  }
}
