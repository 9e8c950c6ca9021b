package org.vhostuser.spec.registry.validate;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Deprecation;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Status;

/**
 * Status is coherent: a deprecated entry says why or what replaces it, only deprecated entries
 * carry deprecation details, and nothing stable depends on something not yet agreed.
 */
final class LifecycleRules implements Rule {

  @Override
  public void check(Registry registry, Diagnostics out) {
    Map<String, Feature> features = registry.allFeatures().filter(f -> f.name() != null)
        .collect(Collectors.toMap(Feature::name, Function.identity(), (a, b) -> a));
    registry.allMessages().forEach(m -> {
      checkDeprecation(out, m.name(), m.status(), m.deprecated(), m.at());
      if (m.status() == Status.STABLE || m.status() == Status.DEPRECATED) {
        m.requires().protocol().forEach(r -> checkAgreed(out, m.name(), r, features));
        m.requires().virtio().forEach(r -> checkAgreed(out, m.name(), r, features));
      }
    });
    registry.allFeatures().forEach(f -> {
      checkDeprecation(out, f.name(), f.status(), f.deprecated(), f.at());
      if (f.status() == Status.STABLE || f.status() == Status.DEPRECATED) {
        f.dependsOn().forEach(r -> checkAgreed(out, f.name(), r, features));
      }
    });
  }

  private static void checkDeprecation(
      Diagnostics out, String name, Status status, Deprecation deprecated, SourcePosition at) {
    if (status == Status.DEPRECATED && (deprecated == null
        || (blank(deprecated.reason()) && deprecated.replacement() == null))) {
      out.error(at, Code.DEPRECATED_WITHOUT_REASON, name
          + " is deprecated but gives no reason or replacement; add deprecated: {reason: ...}");
    }
    if (status != Status.DEPRECATED && status != null && deprecated != null) {
      out.error(deprecated.at(), Code.DEPRECATION_MISMATCH, name + " has deprecation details"
          + " but its status is " + status.yamlName() + "; set status: deprecated or drop them");
    }
  }

  private static void checkAgreed(Diagnostics out, String owner, Ref ref, Map<String, Feature> features) {
    Feature target = features.get(ref.name());
    if (target != null && target.status() != null && target.status().isTentative()) {
      out.error(ref.at(), Code.STABLE_NEEDS_PROPOSED, owner + " is agreed but depends on "
          + ref.name() + ", which is only " + target.status().yamlName());
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
