package org.vhostuser.spec.registry.validate;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Spelling;

/** Every name that refers to another entry resolves, and to the right kind of entry. */
final class ReferenceRules implements Rule {

  @Override
  public void check(Registry registry, Diagnostics out) {
    Set<String> payloads = names(registry.payloads().stream().map(Payload::name));
    Set<String> enums = names(registry.enums().stream().map(EnumType::name));
    Set<String> messages = names(registry.allMessages().map(Message::name));
    Map<String, Feature> features =
        registry.allFeatures().filter(f -> f.name() != null)
            .collect(Collectors.toMap(Feature::name, Function.identity(), (a, b) -> a));
    Set<String> protocol = names(registry.protocolFeatures().features().stream().map(Feature::name));
    Set<String> virtio = names(registry.virtioFeatures().features().stream().map(Feature::name));

    registry.allMessages().forEach(message -> {
      resolve(out, message.request(), payloads, "payload");
      resolve(out, message.reply(), payloads, "payload");
      message.requires().protocol().forEach(r -> resolveFeature(out, r, protocol, virtio, true));
      message.requires().virtio().forEach(r -> resolveFeature(out, r, virtio, protocol, false));
      if (message.deprecated() != null) {
        resolve(out, message.deprecated().replacement(), messages, "message");
      }
    });
    registry.allFeatures().forEach(feature -> {
      feature.dependsOn().forEach(r -> resolve(out, r, features.keySet(), "feature"));
      feature.enables().forEach(r -> resolve(out, r, messages, "message"));
      if (feature.deprecated() != null) {
        resolve(out, feature.deprecated().replacement(), features.keySet(), "feature");
      }
    });
    Set<String> types = new TreeSet<>(payloads);
    for (Primitive primitive : Primitive.values()) {
      types.add(primitive.yamlName());
    }
    for (Payload payload : registry.payloads()) {
      for (Field field : payload.fields()) {
        resolve(out, field.type(), types, "type");
        resolve(out, field.values(), enums, "enum");
      }
    }
    for (Field field : registry.header().fields()) {
      resolve(out, field.type(), types, "type");
      resolve(out, field.values(), enums, "enum");
    }
  }

  private static Set<String> names(java.util.stream.Stream<String> names) {
    return names.filter(n -> n != null).collect(Collectors.toCollection(TreeSet::new));
  }

  private static void resolve(Diagnostics out, Ref ref, Set<String> targets, String kind) {
    if (ref != null && !targets.contains(ref.name())) {
      out.error(ref.at(), Code.UNRESOLVED_REFERENCE,
          "no " + kind + " named '" + ref.name() + "'" + Spelling.suggestion(ref.name(), targets));
    }
  }

  private static void resolveFeature(
      Diagnostics out, Ref ref, Set<String> expected, Set<String> other, boolean wantProtocol) {
    if (expected.contains(ref.name())) {
      return;
    }
    String kind = wantProtocol ? "protocol feature" : "virtio feature";
    if (other.contains(ref.name())) {
      out.error(ref.at(), Code.WRONG_REFERENCE_KIND, "'" + ref.name() + "' is a "
          + (wantProtocol ? "virtio" : "protocol") + " feature; list it under requires."
          + (wantProtocol ? "virtio" : "protocol"));
      return;
    }
    out.error(ref.at(), Code.UNRESOLVED_REFERENCE,
        "no " + kind + " named '" + ref.name() + "'" + Spelling.suggestion(ref.name(), expected));
  }
}
