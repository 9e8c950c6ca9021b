package org.vhostuser.spec.registry.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureKind;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.SourcePosition;

/** Names follow their table's pattern and are unique where code generators need them to be. */
final class NameRules implements Rule {
  static final Pattern FRONT_END = Pattern.compile("VHOST_USER_(?!BACKEND_)[A-Z0-9_]+");
  static final Pattern BACK_END = Pattern.compile("VHOST_USER_BACKEND_[A-Z0-9_]+");
  static final Pattern PROTOCOL_FEATURE = Pattern.compile("VHOST_USER_PROTOCOL_F_[A-Z0-9_]+");
  static final Pattern VIRTIO_FEATURE = Pattern.compile("(VIRTIO|VHOST)(_[A-Z0-9]+)*_F_[A-Z0-9_]+");
  static final Pattern LOWER = Pattern.compile("[a-z][a-z0-9_]*");
  static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

  @Override
  public void check(Registry registry, Diagnostics out) {
    for (MessageTable table : registry.messageTables()) {
      Pattern pattern = table.direction() == Direction.FRONT_END ? FRONT_END : BACK_END;
      Unique unique = new Unique(out, table.direction().yamlName() + " message");
      for (Message message : table.messages()) {
        checkPattern(out, message.name(), pattern, message.at(),
            table.direction().yamlName() + " message");
        unique.add(message.name(), message.at());
        message.previousNames().forEach(old -> {
          checkPattern(out, old, CONSTANT, message.at(), "previous name");
          unique.add(old, message.at());
        });
      }
    }
    for (FeatureTable table : registry.featureTables()) {
      boolean protocol = table.kind() == FeatureKind.PROTOCOL;
      String what = protocol ? "protocol feature" : "virtio feature";
      Unique unique = new Unique(out, what);
      for (Feature feature : table.features()) {
        checkPattern(out, feature.name(), protocol ? PROTOCOL_FEATURE : VIRTIO_FEATURE,
            feature.at(), what);
        unique.add(feature.name(), feature.at());
        feature.previousNames().forEach(old -> {
          checkPattern(out, old, CONSTANT, feature.at(), "previous name");
          unique.add(old, feature.at());
        });
      }
    }
    Unique payloads = new Unique(out, "payload");
    for (Payload payload : registry.payloads()) {
      checkPattern(out, payload.name(), LOWER, payload.at(), "payload");
      payloads.add(payload.name(), payload.at());
      Unique fields = new Unique(out, "field of payload " + payload.name());
      for (Field field : payload.fields()) {
        checkPattern(out, field.name(), LOWER, field.at(), "field");
        fields.add(field.name(), field.at());
      }
    }
    Unique enums = new Unique(out, "enum");
    Unique constants = new Unique(out, "constant");
    for (EnumType type : registry.enums()) {
      checkPattern(out, type.name(), LOWER, type.at(), "enum");
      enums.add(type.name(), type.at());
      for (EnumMember member : type.members()) {
        checkPattern(out, member.name(), CONSTANT, member.at(), "enum member");
        constants.add(member.name(), member.at());
        member.previousNames().forEach(old -> {
          checkPattern(out, old, CONSTANT, member.at(), "previous name");
          constants.add(old, member.at());
        });
      }
    }
    Unique headerFields = new Unique(out, "header field");
    for (Field field : registry.header().fields()) {
      checkPattern(out, field.name(), LOWER, field.at(), "header field");
      headerFields.add(field.name(), field.at());
    }
    for (EnumMember flag : registry.header().flags()) {
      checkPattern(out, flag.name(), CONSTANT, flag.at(), "header flag");
      constants.add(flag.name(), flag.at());
    }
    for (Limit limit : registry.header().limits()) {
      checkPattern(out, limit.name(), CONSTANT, limit.at(), "limit");
      constants.add(limit.name(), limit.at());
    }
  }

  private static void checkPattern(
      Diagnostics out, String name, Pattern pattern, SourcePosition at, String what) {
    if (name != null && !pattern.matcher(name).matches()) {
      out.error(at, Code.NAME_PATTERN,
          what + " name '" + name + "' does not match " + pattern.pattern());
    }
  }

  /** Reports the second and later uses of a name within one scope. */
  private static final class Unique {
    private final Diagnostics out;
    private final String what;
    private final Map<String, SourcePosition> seen = new HashMap<>();

    Unique(Diagnostics out, String what) {
      this.out = out;
      this.what = what;
    }

    void add(String name, SourcePosition at) {
      if (name == null) {
        return;
      }
      SourcePosition first = seen.putIfAbsent(name, at);
      if (first != null) {
        out.error(at, Code.DUPLICATE_NAME, what + " name '" + name + "' is already used at "
            + Where.of(first, at));
      }
    }
  }
}
