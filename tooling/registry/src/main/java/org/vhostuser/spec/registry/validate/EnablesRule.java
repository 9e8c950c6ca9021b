package org.vhostuser.spec.registry.validate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.RegistryFiles;

/**
 * A feature's {@code enables} list names exactly the messages whose {@code requires} name the
 * feature. The two are written in different files; this keeps them from drifting apart.
 */
final class EnablesRule implements Rule {

  @Override
  public void check(Registry registry, Diagnostics out) {
    Map<String, Set<String>> requiring = new TreeMap<>();
    registry.allMessages().filter(m -> m.name() != null).forEach((Message m) -> {
      m.requires().protocol().forEach(r -> requiring.computeIfAbsent(r.name(), k -> new TreeSet<>())
          .add(m.name()));
      m.requires().virtio().forEach(r -> requiring.computeIfAbsent(r.name(), k -> new TreeSet<>())
          .add(m.name()));
    });
    registry.allFeatures().filter(f -> f.name() != null).forEach((Feature f) -> {
      Set<String> enabled = f.enables().stream().map(Ref::name)
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> required = requiring.getOrDefault(f.name(), Set.of());
      Set<String> notRequiring = new TreeSet<>(enabled);
      notRequiring.removeAll(required);
      Set<String> notListed = new TreeSet<>(required);
      notListed.removeAll(enabled);
      if (!notListed.isEmpty()) {
        out.error(f.at(), Code.ENABLES_MISMATCH, f.name() + " is required by "
            + String.join(", ", notListed) + "; add to its enables list");
      }
      if (!notRequiring.isEmpty() && messagesComplete(registry)) {
        out.error(f.at(), Code.ENABLES_MISMATCH, f.name() + " enables "
            + String.join(", ", notRequiring) + ", but their requires do not name it");
      }
    });
  }

  /**
   * False when a message table could not be read: its messages' requires are unknown, and the
   * table's own diagnostic explains the enables it seems to lack.
   */
  private static boolean messagesComplete(Registry registry) {
    return registry.isComplete(RegistryFiles.FRONT_END)
        && registry.isComplete(RegistryFiles.BACK_END);
  }
}
