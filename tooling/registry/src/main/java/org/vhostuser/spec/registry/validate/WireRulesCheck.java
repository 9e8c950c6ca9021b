package org.vhostuser.spec.registry.validate;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Quirk;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Spelling;
import org.vhostuser.spec.registry.WireRules;
import org.vhostuser.spec.registry.WireRules.OrderRule;
import org.vhostuser.spec.registry.WireRules.Precondition;
import org.vhostuser.spec.registry.WireRules.ReceiverRule;
import org.vhostuser.spec.registry.WireRules.RingIndex;
import org.vhostuser.spec.registry.WireRules.WireCheck;

/**
 * The wire rules and quirks are complete and resolve: every built-in check and receiver situation
 * has a rule id, rule ids are well-formed, ordering rules and quirks name real messages, ring
 * indexes and count fields name real fields.
 */
final class WireRulesCheck implements Rule {
  /** The form of a spec rule id (issue 12): lower-case kebab-case. */
  static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Override
  public void check(Registry registry, Diagnostics out) {
    registry.payloads().forEach(p -> checkCountFields(p, out));
    registry.allMessages().forEach(m -> ruleId(m.requires().rule(), m.requires().ruleAt(), out));
    WireRules wire = registry.wire();
    // A renamed message keeps its previous names, so references by them still resolve.
    Set<String> messages = registry.allMessages()
        .flatMap(m -> java.util.stream.Stream.concat(java.util.stream.Stream.of(m.name()),
            m.previousNames().stream()))
        .collect(Collectors.toSet());
    boolean messagesKnown = registry.isComplete(RegistryFiles.FRONT_END)
        && registry.isComplete(RegistryFiles.BACK_END);
    if (wire.present()) {
      SourcePosition file = SourcePosition.ofFile(registry.root().resolve(RegistryFiles.WIRE_RULES));
      checkChecks(wire, file, out);
      checkReceiver(wire, file, out);
      Set<String> ringPayloads = checkRingIndex(registry, out);
      Set<String> enums = registry.enums().stream().map(e -> e.name())
          .collect(Collectors.toSet());
      for (WireRules.EnumRule rule : wire.enumRules()) {
        ruleId(rule.rule(), rule.at(), out);
        if (registry.isComplete(RegistryFiles.ENUMS)) {
          resolve(rule.enumType(), enums, "enum", out);
        }
      }
      for (WireRules.SizeRule size : wire.sizeRules()) {
        ruleId(size.rule(), size.at(), out);
        if (messagesKnown) {
          resolve(size.message(), messages, "message", out);
        }
      }
      for (OrderRule order : wire.ordering()) {
        ruleId(order.rule(), order.at(), out);
        if (order.messages().isEmpty() || order.after().isEmpty()) {
          out.error(order.at(), Code.MISSING_KEY, "ordering rule '" + order.rule()
              + "' needs at least one message and one precondition");
        }
        if (messagesKnown) {
          order.messages().forEach(r -> resolve(r, messages, "message", out));
          order.after().forEach(p -> p.anyOf().forEach(r -> resolve(r, messages, "message",
              out)));
        }
        if (messagesKnown) {
          order.resetBy().forEach(r -> resolve(r, messages, "message", out));
        }
        for (Precondition p : order.after()) {
          if (p.sameRing()) {
            order.messages().forEach(r -> needsRing(registry, r, ringPayloads, out));
            p.anyOf().forEach(r -> needsRing(registry, r, ringPayloads, out));
          }
        }
      }
    }
    for (Quirk quirk : registry.quirks().entries()) {
      ruleId(quirk.rule(), quirk.at(), out);
      if (messagesKnown && quirk.message() != null) {
        resolve(quirk.message(), messages, "message", out);
      }
      if (quirk.since() != null && quirk.until() != null
          && Quirk.Versions.compare(quirk.since(), quirk.until()) >= 0) {
        out.error(quirk.at(), Code.BAD_VALUE, "quirk of " + quirk.implementation()
            + ": 'since' " + quirk.since() + " is not before 'until' " + quirk.until());
      }
    }
  }

  private static void checkChecks(WireRules wire, SourcePosition file, Diagnostics out) {
    Map<WireCheck.Kind, WireCheck> seen = new EnumMap<>(WireCheck.Kind.class);
    for (WireCheck c : wire.checks()) {
      ruleId(c.rule(), c.at(), out);
      if (c.kind() != null && seen.putIfAbsent(c.kind(), c) != null) {
        out.error(c.at(), Code.DUPLICATE_NAME, "check '" + c.kind().yamlName()
            + "' is listed twice (first at line " + seen.get(c.kind()).at().line() + ")");
      }
    }
    for (WireCheck.Kind kind : WireCheck.Kind.values()) {
      if (!seen.containsKey(kind)) {
        out.error(file, Code.MISSING_KEY, "checks: no rule for the built-in check '"
            + kind.yamlName() + "'");
      }
    }
  }

  private static void checkReceiver(WireRules wire, SourcePosition file, Diagnostics out) {
    Set<ReceiverRule.Situation> seen = new HashSet<>();
    for (ReceiverRule r : wire.receiver()) {
      ruleId(r.rule(), r.at(), out);
      if (r.situation() != null && !seen.add(r.situation())) {
        out.error(r.at(), Code.DUPLICATE_NAME, "receiver situation '"
            + r.situation().yamlName() + "' is described twice");
      }
    }
    for (ReceiverRule.Situation s : ReceiverRule.Situation.values()) {
      if (!seen.contains(s)) {
        out.error(file, Code.MISSING_KEY, "receiver: no rule for the situation '"
            + s.yamlName() + "'");
      }
    }
  }

  /** Checks each ring index entry; returns the payloads that have one. */
  private static Set<String> checkRingIndex(Registry registry, Diagnostics out) {
    Set<String> result = new HashSet<>();
    Map<String, Payload> payloads = registry.payloadsByName();
    for (RingIndex ring : registry.wire().ringIndex()) {
      if (ring.payload() == null) {
        continue;
      }
      Payload payload = payloads.get(ring.payload().name());
      if (payload == null) {
        if (registry.isComplete(RegistryFiles.PAYLOADS)) {
          resolve(ring.payload(), payloads.keySet(), "payload", out);
        }
        continue;
      }
      result.add(payload.name());
      if (ring.field() != null && field(payload, ring.field()).isEmpty()) {
        out.error(ring.at(), Code.UNRESOLVED_REFERENCE, "payload '" + payload.name()
            + "' has no field '" + ring.field() + "'");
      }
    }
    return result;
  }

  private static void needsRing(Registry registry, Ref message, Set<String> ringPayloads,
      Diagnostics out) {
    registry.allMessages().filter(m -> m.name().equals(message.name())).findFirst()
        .ifPresent(m -> {
          if (m.request() == null || !ringPayloads.contains(m.request().name())) {
            out.error(message.at(), Code.BAD_VALUE, "same_ring needs a ring index, but the"
                + " request payload of " + m.name() + " has no entry under ring_index");
          }
        });
  }

  private static void checkCountFields(Payload payload, Diagnostics out) {
    List<Field> fields = payload.fields();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      Ref counter = field.countField();
      if (counter == null) {
        continue;
      }
      if (!field.isArray()) {
        out.error(counter.at(), Code.BAD_VALUE, "'count_field' goes only with an array; '"
            + field.name() + "' is a single value");
      }
      Optional<Field> target = field(payload, counter.name());
      if (target.isEmpty() || fields.indexOf(target.get()) >= i) {
        out.error(counter.at(), Code.UNRESOLVED_REFERENCE, "no field '" + counter.name()
            + "' before '" + field.name() + "' in payload '" + payload.name() + "'");
      } else if (target.get().isArray() || target.get().type() == null
          || Primitive.named(target.get().type().name()).isEmpty()) {
        out.error(counter.at(), Code.WRONG_REFERENCE_KIND, "'" + counter.name()
            + "' must be a single integer field to count the elements of '" + field.name() + "'");
      }
    }
  }

  private static Optional<Field> field(Payload payload, String name) {
    return payload.fields().stream().filter(f -> name.equals(f.name())).findFirst();
  }

  private static void resolve(Ref ref, Set<String> names, String kind, Diagnostics out) {
    if (ref != null && !names.contains(ref.name())) {
      out.error(ref.at(), Code.UNRESOLVED_REFERENCE, "no " + kind + " named '" + ref.name() + "'"
          + Spelling.suggestion(ref.name(), names));
    }
  }

  private static void ruleId(String id, SourcePosition at, Diagnostics out) {
    if (id != null && at != null && !RULE_ID.matcher(id).matches()) {
      out.error(at, Code.BAD_VALUE, "rule id '" + id + "' is not lower-case kebab-case"
          + " (for example reply-ack-status)");
    }
  }
}
