package org.vhostuser.spec.registry.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.Spelling;

/** Every name that refers to another entry resolves, and to the right kind of entry. */
final class ReferenceRules implements Rule {

  @Override
  public void check(Registry registry, Diagnostics out) {
    Set<String> payloads = names(registry.payloads().stream().map(Payload::name));
    Set<String> enums = names(registry.enums().stream().map(EnumType::name));
    Set<String> messages = names(registry.allMessages().map(Message::name));
    Set<String> features = names(registry.allFeatures().map(Feature::name));
    Set<String> protocol = names(registry.protocolFeatures().features().stream().map(Feature::name));
    Set<String> virtio = names(registry.virtioFeatures().features().stream().map(Feature::name));
    Known known = new Known(registry);

    registry.allMessages().forEach(message -> {
      if (known.payloads) {
        resolve(out, message.request(), payloads, "payload");
        resolve(out, message.reply(), payloads, "payload");
      }
      if (known.features) {
        message.requires().protocol().forEach(r -> resolveFeature(out, r, protocol, virtio, true));
        message.requires().virtio().forEach(r -> resolveFeature(out, r, virtio, protocol, false));
      }
      if (message.deprecated() != null && known.messages) {
        resolve(out, message.deprecated().replacement(), messages, "message");
      }
    });
    registry.allFeatures().forEach(feature -> {
      if (known.features) {
        feature.dependsOn().forEach(r -> resolve(out, r, features, "feature"));
      }
      if (known.messages) {
        feature.enables().forEach(r -> resolve(out, r, messages, "message"));
      }
      if (feature.deprecated() != null && known.features) {
        resolve(out, feature.deprecated().replacement(), features, "feature");
      }
    });
    Set<String> types = new TreeSet<>(payloads);
    for (Primitive primitive : Primitive.values()) {
      types.add(primitive.yamlName());
    }
    List<Field> fields = new ArrayList<>(registry.header().fields());
    registry.payloads().forEach(p -> fields.addAll(p.fields()));
    for (Field field : fields) {
      if (known.payloads) {
        resolve(out, field.type(), types, "type");
      }
      if (known.enums) {
        resolve(out, field.values(), enums, "enum");
      }
    }
  }

  /** Which target tables were read; references into an unreadable table are not reported. */
  private static final class Known {
    final boolean payloads;
    final boolean enums;
    final boolean messages;
    final boolean features;

    Known(Registry registry) {
      payloads = registry.isComplete(RegistryFiles.PAYLOADS);
      enums = registry.isComplete(RegistryFiles.ENUMS);
      messages = registry.isComplete(RegistryFiles.FRONT_END)
          && registry.isComplete(RegistryFiles.BACK_END);
      features = registry.isComplete(RegistryFiles.PROTOCOL_FEATURES)
          && registry.isComplete(RegistryFiles.VIRTIO_FEATURES);
    }
  }

  private static Set<String> names(Stream<String> names) {
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
