package org.vhostuser.spec.registry.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;

/** Feature dependencies form no cycle: every feature can be negotiated after its dependencies. */
final class FeatureCycleRule implements Rule {

  @Override
  public void check(Registry registry, Diagnostics out) {
    Map<String, Feature> byName = new LinkedHashMap<>();
    registry.allFeatures().filter(f -> f.name() != null).forEach(f -> byName.putIfAbsent(f.name(), f));
    Set<String> done = new HashSet<>();
    for (Feature feature : byName.values()) {
      visit(feature, byName, new ArrayList<>(), done, out);
    }
  }

  private static void visit(Feature feature, Map<String, Feature> byName, List<String> path,
      Set<String> done, Diagnostics out) {
    int start = path.indexOf(feature.name());
    if (start >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
      cycle.add(feature.name());
      out.error(feature.at(), Code.FEATURE_CYCLE,
          "feature dependencies form a cycle: " + String.join(" -> ", cycle));
      return;
    }
    if (done.contains(feature.name())) {
      return;
    }
    path.add(feature.name());
    for (Ref dependency : feature.dependsOn()) {
      Feature next = byName.get(dependency.name());
      if (next != null) {
        visit(next, byName, path, done, out);
      }
    }
    path.remove(path.size() - 1);
    done.add(feature.name());
  }
}
