package org.vhostuser.spec.registry.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.vhostuser.spec.registry.AcceptedBreak;
import org.vhostuser.spec.registry.Diagnostics;

/** Reads {@code accepted-breaks.yaml}: a list of approved breaking changes, each with a reason. */
public final class AcceptedBreaksLoader {
  private static final Set<String> KEYS = Set.of("rule", "entry", "reason");

  private AcceptedBreaksLoader() {}

  /** The approvals in {@code file} (its bytes already read), problems reported into {@code out}. */
  public static List<AcceptedBreak> load(Path file, byte[] bytes, Diagnostics out) {
    List<AcceptedBreak> accepted = new ArrayList<>();
    Optional<YamlMap> top = YamlSource.parse(file, bytes, out)
        .flatMap(node -> YamlMap.of(file, node, "'accepted-breaks.yaml'", Set.of("accepted"), out));
    if (top.isEmpty()) {
      return accepted;
    }
    for (Node item : top.get().items("accepted")) {
      YamlMap.of(file, item, "an accepted break", KEYS, out).ifPresent(entry -> {
        String rule = entry.string("rule", true);
        String name = entry.string("entry", true);
        String reason = entry.string("reason", true);
        if (rule != null && name != null && reason != null) {
          accepted.add(new AcceptedBreak(rule, name, reason, entry.at()));
        }
      });
    }
    return accepted;
  }
}
