package org.vhostuser.spec.registry.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Registry;

/** Payload layouts are well formed and match any size stated for them. */
final class PayloadRules implements Rule {
  static final String HEADER_SIZE_LIMIT = "VHOST_USER_HEADER_SIZE";

  @Override
  public void check(Registry registry, Diagnostics out) {
    Map<String, Payload> byName = registry.payloadsByName();
    Layouts layouts = Layouts.of(registry);
    Set<String> inCycle = new HashSet<>();
    for (Payload payload : registry.payloads()) {
      findCycle(payload, byName, new ArrayList<>(), inCycle, out);
    }
    for (Payload payload : registry.payloads()) {
      checkFields(registry, payload.name(), payload.fields(), byName, layouts, out);
      Optional<Layouts.PayloadLayout> layout = layouts.of(payload.name());
      if (payload.statedSize() != null && layout.isPresent()
          && layout.get().size() != payload.statedSize()) {
        out.error(payload.at(), Code.SIZE_MISMATCH, "payload " + payload.name() + " states size "
            + payload.statedSize() + " but its fields add up to " + layout.get().size()
            + (layout.get().endsFlexible() ? " (before the flexible array)" : ""));
      }
    }
    checkHeader(registry, byName, layouts, out);
  }

  private static void checkHeader(
      Registry registry, Map<String, Payload> byName, Layouts layouts, Diagnostics out) {
    List<Field> fields = registry.header().fields();
    checkFields(registry, "header", fields, byName, layouts, out);
    Optional<Limit> stated = registry.header().limit(HEADER_SIZE_LIMIT);
    if (stated.isEmpty() || stated.get().value() == null || fields.isEmpty()) {
      return;
    }
    layouts.ofFields(new Payload("header", null, List.of(), null, fields, List.of(),
            fields.get(0).at()))
        .filter(l -> l.size() != stated.get().value())
        .ifPresent(l -> out.error(stated.get().at(), Code.SIZE_MISMATCH, HEADER_SIZE_LIMIT + " is "
            + stated.get().value() + " but the header fields add up to " + l.size()));
  }

  private static void checkFields(Registry registry, String owner, List<Field> fields,
      Map<String, Payload> byName, Layouts layouts, Diagnostics out) {
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      boolean last = i == fields.size() - 1;
      if (field.flexible() && !last) {
        out.error(field.at(), Code.FLEXIBLE_NOT_LAST, "flexible array '" + field.name()
            + "' must be the last field of " + owner);
      }
      if (field.count() != null && field.count() < 1) {
        out.error(field.at(), Code.NUMBER_OUT_OF_RANGE,
            "'" + field.name() + "' has count " + field.count() + "; a fixed array needs 1 or more");
      }
      if (field.maxCount() != null && !field.flexible()) {
        out.error(field.at(), Code.BAD_VALUE,
            "'" + field.name() + "' has max_count but is not a flexible array");
      }
      if (field.maxCount() != null && field.maxCount() < 1) {
        out.error(field.at(), Code.NUMBER_OUT_OF_RANGE,
            "'" + field.name() + "' has max_count " + field.maxCount() + "; it must be 1 or more");
      }
      if (field.type() == null) {
        continue;
      }
      Optional<Primitive> primitive = Primitive.named(field.type().name());
      if (field.padding() && (primitive.isEmpty() || primitive.get().signed())) {
        out.error(field.at(), Code.BAD_VALUE, "padding field '" + field.name()
            + "' must have an unsigned integer type, not " + field.type().name());
      }
      Payload nested = byName.get(field.type().name());
      if (nested != null && (!last || field.isArray())) {
        layouts.of(nested.name()).filter(Layouts.PayloadLayout::endsFlexible).ifPresent(l ->
            out.error(field.at(), Code.FLEXIBLE_NOT_LAST, "'" + field.name() + "' embeds "
                + nested.name() + ", which ends in a flexible array; it can only be the last,"
                + " single field of " + owner));
      }
      if (field.values() != null) {
        Optional<EnumType> values = registry.enumType(field.values().name());
        if (values.isPresent() && values.get().type() != null
            && !values.get().type().equals(field.type().name())) {
          out.error(field.values().at(), Code.BAD_VALUE, "field '" + field.name() + "' is "
              + field.type().name() + " but enum " + values.get().name() + " is "
              + values.get().type());
        }
      }
    }
  }

  private static void findCycle(Payload payload, Map<String, Payload> byName, List<String> path,
      Set<String> reported, Diagnostics out) {
    int start = path.indexOf(payload.name());
    if (start >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
      if (reported.addAll(cycle)) {
        cycle.add(payload.name());
        out.error(payload.at(), Code.PAYLOAD_CYCLE,
            "payload " + payload.name() + " contains itself: " + String.join(" -> ", cycle));
      }
      return;
    }
    path.add(payload.name());
    for (Field field : payload.fields()) {
      Payload nested = field.type() == null ? null : byName.get(field.type().name());
      if (nested != null) {
        findCycle(nested, byName, path, reported, out);
      }
    }
    path.remove(path.size() - 1);
  }
}
