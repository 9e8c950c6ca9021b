package org.vhostuser.spec.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.EnumKind;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.FdSpec;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Layouts.FieldLayout;
import org.vhostuser.spec.registry.Layouts.PayloadLayout;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Quirk;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Replies;
import org.vhostuser.spec.registry.WireRules.OrderRule;
import org.vhostuser.spec.registry.WireRules.Precondition;
import org.vhostuser.spec.registry.WireRules.ReceiverRule;
import org.vhostuser.spec.registry.WireRules.RingIndex;
import org.vhostuser.spec.registry.WireRules;
import org.vhostuser.spec.registry.WireRules.WireCheck;

/**
 * Checks a conversation, one message at a time, against the registry: header flags, known ids,
 * payload sizes, padding and enum values, descriptor counts, reply presence and status, feature
 * requirements (tracking what both sides offered and acknowledged) and ordering rules. Every
 * finding cites the spec rule the registry's wire rules give for the check. One instance follows
 * one connection (its main socket and its back-end channel).
 */
public final class Checker {
  private static final String REPLY_ACK = "VHOST_USER_PROTOCOL_F_REPLY_ACK";

  private final Registry registry;
  private final Layouts layouts;
  private final Map<Long, Message> frontEnd = new HashMap<>();
  private final Map<Long, Message> backEnd = new HashMap<>();
  private final Map<String, Long> virtioBits = new HashMap<>();
  private final Map<String, Long> protocolBits = new HashMap<>();
  private final Map<String, EnumType> enums = new HashMap<>();
  private final Map<String, RingIndex> rings = new HashMap<>();
  private final Map<String, WireRules.EnumRule> enumRules = new HashMap<>();
  /** Every message name, current or previous, to the current one. */
  private final Map<String, String> current = new HashMap<>();
  private final Map<WireCheck.Kind, WireCheck> checks = new EnumMap<>(WireCheck.Kind.class);
  private final List<Quirk> quirks;
  private final Map<String, String> implementations;
  private final long definedFlags;

  private long virtioOffered;
  private long virtioAcked;
  private long protocolOffered;
  private long protocolAcked;
  private final Map<Channel, Deque<Pending>> pending = new EnumMap<>(Channel.class);
  /** Per ordering rule (by index), the messages seen: names, and name#ring for ring messages. */
  private final Map<Integer, Set<String>> sentPerRule = new HashMap<>();
  private final List<Finding> all = new ArrayList<>();

  /**
   * What a request waits for: whether a reply is required, whether it is a u64 status, whether
   * the request id was unknown, and whether the request set NEED_REPLY.
   */
  private record Pending(Message message, long request, boolean required, boolean status,
      boolean unknown, boolean flagged, int line) {}

  /**
   * A checker for one connection. {@code implementations} maps implementation names to the
   * versions looked at (for example qemu to 10.0); their recorded quirks turn matching findings
   * into notes.
   */
  public Checker(Registry registry, Map<String, String> implementations) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    registry.allMessages().forEach(m -> {
      current.put(m.name(), m.name());
      m.previousNames().forEach(previous -> current.putIfAbsent(previous, m.name()));
    });
    registry.frontEnd().messages().forEach(m -> frontEnd.putIfAbsent(m.id(), m));
    registry.backEnd().messages().forEach(m -> backEnd.putIfAbsent(m.id(), m));
    registry.virtioFeatures().features().forEach(f -> virtioBits.put(f.name(), f.bit()));
    registry.protocolFeatures().features().forEach(f -> protocolBits.put(f.name(), f.bit()));
    registry.enums().forEach(e -> enums.put(e.name(), e));
    registry.wire().ringIndex().forEach(r -> rings.put(r.payload().name(), r));
    registry.wire().enumRules().forEach(r -> enumRules.put(r.enumType().name(), r));
    registry.wire().checks().forEach(c -> checks.put(c.kind(), c));
    long flags = 0;
    for (EnumMember member : registry.header().flags()) {
      Long value = member.numericValue();
      flags |= value == null ? 0 : value;
    }
    definedFlags = flags;
    this.implementations = Map.copyOf(implementations);
    this.quirks = registry.quirks().entries().stream()
        .filter(q -> implementations.containsKey(q.implementation())
            && q.covers(implementations.get(q.implementation())))
        .toList();
    for (Channel c : Channel.values()) {
      pending.put(c, new ArrayDeque<>());
    }
  }

  /** Every finding so far, in the order found. */
  public List<Finding> findings() {
    return List.copyOf(all);
  }

  /** The registry name of a message's request id on its channel, or null when unknown. */
  public String nameOf(WireMessage m) {
    Message entry = table(m.channel()).get(m.request());
    return entry == null ? null : entry.name();
  }

  /** Checks the next message and returns what it breaks. */
  public List<Finding> accept(WireMessage m) {
    List<Finding> found = new ArrayList<>();
    Direction sender = m.direction().sender();
    long version = m.flags() & WireMessage.VERSION_MASK;
    if (version != 1) {
      report(found, WireCheck.Kind.HEADER_VERSION, m.line(), sender, nameOf(m),
          label(m) + ": version bits are " + version + ", not 1");
    }
    long unknownFlags = m.flags() & ~definedFlags;
    if (unknownFlags != 0) {
      report(found, WireCheck.Kind.HEADER_FLAGS, m.line(), sender, nameOf(m), label(m)
          + ": flag bits 0x" + Long.toHexString(unknownFlags) + " are not defined");
    }
    boolean replyWay = m.direction() != Flow.ofRequests(m.channel());
    if (replyWay != m.isReply()) {
      report(found, WireCheck.Kind.REPLY_FLAG, m.line(), sender, nameOf(m), replyWay
          ? label(m) + " flows the way replies go on the " + m.channel().word()
              + " channel but has no reply flag"
          : label(m) + " has the reply flag but flows the way requests go on the "
              + m.channel().word() + " channel");
    }
    if (replyWay) {
      reply(m, found);
    } else {
      request(m, found);
    }
    all.addAll(found);
    return found;
  }

  /** Ends the conversation: every reply still due is missing. */
  public List<Finding> finish() {
    List<Finding> found = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      for (Pending p : pending.get(channel)) {
        if (p.required()) {
          report(found, WireCheck.Kind.REPLY_DUE, p.line(), receiverOf(channel),
              p.message().name(), p.message().name() + " got no reply");
        }
      }
      pending.get(channel).clear();
    }
    all.addAll(found);
    return found;
  }

  /** The requests still waiting for a reply they must get on a channel, oldest first. */
  public List<String> awaited(Channel channel) {
    return pending.get(channel).stream().filter(Pending::required)
        .map(p -> p.message().name()).toList();
  }

  private void request(WireMessage m, List<Finding> found) {
    Direction sender = m.direction().sender();
    Message entry = table(m.channel()).get(m.request());
    if (entry == null) {
      report(found, WireCheck.Kind.KNOWN_REQUEST, m.line(), sender, null, "request id "
          + m.request() + " is not a " + sender.yamlName() + " message");
      boolean asked = m.needsReply() && negotiatedProtocol(REPLY_ACK);
      pending.get(m.channel()).add(new Pending(null, m.request(), false, asked, true,
          m.needsReply(), m.line()));
      return;
    }
    String name = entry.name();
    checkRequirements(m, entry, found);
    checkSize(m, entry.request(), name, entry, WireRules.SizeRule.Part.REQUEST, found);
    checkFds(m, entry.requestFds(), name, "request", found);
    checkFields(m, entry.request(), name, found);
    checkOrder(m, entry, found);
    learn(m, entry, found);
    boolean replyAck = negotiatedProtocol(REPLY_ACK);
    boolean asked = m.needsReply() && replyAck;
    Replies replies = entry.replies();
    if (replies == Replies.ALWAYS) {
      pending.get(m.channel()).add(new Pending(entry, m.request(), true, false, false,
          m.needsReply(), m.line()));
    } else if (replies == Replies.REPLY_ACK || replies == Replies.CONDITIONAL) {
      pending.get(m.channel()).add(new Pending(entry, m.request(), asked, asked, false,
          m.needsReply(), m.line()));
    }
  }

  private void reply(WireMessage m, List<Finding> found) {
    Direction replier = m.direction().sender();
    Deque<Pending> queue = pending.get(m.channel());
    Pending match = null;
    for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.request() == m.request()) {
        match = p;
        it.remove();
        break;
      }
    }
    String name = nameOf(m);
    String label = (name == null ? "request id " + m.request() : name) + " reply";
    if (m.needsReply()) {
      report(found, WireCheck.Kind.REPLY_FLAGS_EXACT, m.line(), replier, name,
          label + ": NEED_REPLY set on a reply");
    }
    if (match == null) {
      report(found, WireCheck.Kind.REPLY_DUE, m.line(), replier, name,
          label + ": no request on the " + m.channel().word() + " channel awaits it");
      return;
    }
    if (match.unknown()) {
      Pending unknown = match;
      registry.wire().receiver(ReceiverRule.Situation.UNKNOWN_REQUEST).ifPresent(rule -> {
        long status = m.size() == 8 ? m.unsigned(0, 8) : -1;
        if (!unknown.status()) {
          finding(found, rule.rule(), WireCheck.Kind.REPLY_DUE, m.line(), replier, null, label
              + ": a reply to an unknown request that did not ask for one (" + rule.summary()
              + ")");
        } else if (status == 0) {
          finding(found, rule.rule(), WireCheck.Kind.REPLY_DUE, m.line(), replier, null, label
              + ": success status for an unknown request");
        }
      });
      return;
    }
    Message entry = match.message();
    if (!match.required() && !match.status() && entry.replies() != Replies.CONDITIONAL) {
      boolean flagged = match.flagged();
      registry.wire().receiver(ReceiverRule.Situation.NEED_REPLY_WITHOUT_REPLY_ACK)
          .filter(r -> flagged)
          .ifPresentOrElse(
              r -> finding(found, r.rule(), WireCheck.Kind.REPLY_DUE, m.line(), replier,
                  entry.name(), label + ": NEED_REPLY was set but REPLY_ACK is not negotiated,"
                      + " so no reply is due"),
              () -> report(found, WireCheck.Kind.REPLY_DUE, m.line(), replier, entry.name(),
                  label + ": " + entry.name() + " gets no reply here"));
      return;
    }
    if (match.status()) {
      if (m.size() != 8) {
        report(found, WireCheck.Kind.REPLY_STATUS, m.line(), replier, entry.name(), label
            + ": the status reply is " + m.size() + " bytes, not a u64 (8 bytes)");
      }
      checkFds(m, null, entry.name(), "reply", found);
      return;
    }
    checkSize(m, entry.reply(), label, entry, WireRules.SizeRule.Part.REPLY, found);
    checkFds(m, entry.replyFds(), entry.name(), "reply", found);
    checkFields(m, entry.reply(), label, found);
    if (m.channel() == Channel.MAIN && m.size() == 8) {
      if (entry.name().equals("VHOST_USER_GET_FEATURES")) {
        virtioOffered = m.unsigned(0, 8);
      } else if (entry.name().equals("VHOST_USER_GET_PROTOCOL_FEATURES")) {
        protocolOffered = m.unsigned(0, 8);
      }
    }
  }

  private void learn(WireMessage m, Message entry, List<Finding> found) {
    if (m.channel() != Channel.MAIN || m.size() != 8) {
      return;
    }
    long value = m.unsigned(0, 8);
    if (entry.name().equals("VHOST_USER_SET_FEATURES")) {
      long extra = value & ~virtioOffered;
      if (extra != 0) {
        report(found, WireCheck.Kind.FEATURES_SUBSET, m.line(), Direction.FRONT_END,
            entry.name(), entry.name() + ": bits 0x" + Long.toHexString(extra)
                + " were not offered in the GET_FEATURES reply");
      }
      virtioAcked = value;
    } else if (entry.name().equals("VHOST_USER_SET_PROTOCOL_FEATURES")) {
      long extra = value & ~protocolOffered;
      if (extra != 0) {
        report(found, WireCheck.Kind.PROTOCOL_FEATURES_SUBSET, m.line(), Direction.FRONT_END,
            entry.name(), entry.name() + ": bits 0x" + Long.toHexString(extra)
                + " were not offered in the GET_PROTOCOL_FEATURES reply");
      }
      protocolAcked = value;
    }
  }

  private void checkRequirements(WireMessage m, Message entry, List<Finding> found) {
    boolean own = entry.requires().offeredIsEnough();
    var state = registry.wire().featureState();
    List<String> missing = new ArrayList<>();
    unmet(entry.requires().protocol(), protocolBits, protocolOffered, protocolAcked,
        own || state.protocolOfferedIsEnough(), missing);
    unmet(entry.requires().virtio(), virtioBits, virtioOffered, virtioAcked,
        own || state.virtioOfferedIsEnough(), missing);
    if (!missing.isEmpty()) {
      String rule = entry.requires().rule() != null ? entry.requires().rule()
          : ruleOf(WireCheck.Kind.FEATURE_REQUIRED);
      finding(found, rule, WireCheck.Kind.FEATURE_REQUIRED, m.line(), m.direction().sender(),
          entry.name(), entry.name() + " needs " + String.join(", ", missing) + ", which "
              + (missing.size() == 1 ? "it is" : "they are") + " not");
    }
  }

  /** Adds to {@code missing} each required feature the conversation has not offered (or set). */
  private static void unmet(List<Ref> required, Map<String, Long> bits, long offered, long acked,
      boolean offeredIsEnough, List<String> missing) {
    for (Ref ref : required) {
      Long bit = bits.get(ref.name());
      if (bit != null && !(has(offered, bit) && (offeredIsEnough || has(acked, bit)))) {
        missing.add(ref.name() + (offeredIsEnough ? " offered" : " negotiated"));
      }
    }
  }

  private void checkSize(WireMessage m, Ref payload, String label, Message entry,
      WireRules.SizeRule.Part part, List<Finding> found) {
    WireRules.SizeRule special = registry.wire().sizeRules().stream()
        .filter(r -> r.part() == part && r.message() != null && is(r.message(), entry))
        .findFirst().orElse(null);
    if (special != null && special.alsoAllowed().contains(m.size())) {
      return;
    }
    List<Finding> sizes = new ArrayList<>();
    checkLayoutSize(m, payload, label, sizes);
    for (Finding f : sizes) {
      if (special == null) {
        found.add(f);
        continue;
      }
      String rule = special.rule() != null ? special.rule() : f.rule();
      Finding.Level level = special.severity() == null ? f.level() : level(special.severity());
      finding(found, rule, null, f.line(), f.side(), f.messageName(), f.message(), level);
    }
  }

  private void checkLayoutSize(WireMessage m, Ref payload, String label, List<Finding> found) {
    Direction sender = m.direction().sender();
    String name = nameOf(m);
    if (payload == null) {
      if (m.size() != 0) {
        report(found, WireCheck.Kind.PAYLOAD_SIZE, m.line(), sender, name, label
            + ": size is " + m.size() + ", but the message has no payload");
      }
      return;
    }
    PayloadLayout layout = layouts.of(payload.name()).orElse(null);
    if (layout == null) {
      return;
    }
    if (!layout.endsFlexible()) {
      if (m.size() != layout.size()) {
        report(found, WireCheck.Kind.PAYLOAD_SIZE, m.line(), sender, name, label + ": size is "
            + m.size() + ", the " + payload.name() + " payload is " + layout.size() + " bytes");
      }
      return;
    }
    FieldLayout last = layout.fields().get(layout.fields().size() - 1);
    long fixed = layout.size();
    if (m.size() < fixed) {
      report(found, WireCheck.Kind.PAYLOAD_SIZE, m.line(), sender, name, label + ": size is "
          + m.size() + ", shorter than the " + fixed + " bytes before the " + payload.name()
          + "." + last.field().name() + " array");
      return;
    }
    long elements = last.elementSize() == 0 ? 0 : (m.size() - fixed) / last.elementSize();
    Ref counter = last.field().countField();
    if (counter != null) {
      long count = countOf(m.payload(), layout, counter.name());
      long expected = fixed + count * last.elementSize();
      if (count < 0 || expected != m.size()) {
        report(found, WireCheck.Kind.PAYLOAD_SIZE, m.line(), sender, name, label + ": size is "
            + m.size() + ", but " + counter.name() + " = " + count + " makes it " + expected);
        return;
      }
      elements = count;
    } else if (last.elementSize() != 0 && (m.size() - fixed) % last.elementSize() != 0) {
      report(found, WireCheck.Kind.PAYLOAD_SIZE, m.line(), sender, name, label + ": size is "
          + m.size() + ", not " + fixed + " plus whole " + last.elementSize() + "-byte elements");
      return;
    }
    Long max = last.field().maxCount();
    if (max != null && elements > max) {
      report(found, WireCheck.Kind.PAYLOAD_SIZE, m.line(), sender, name, label + ": "
          + elements + " elements of " + last.field().name() + ", more than " + max);
    }
  }

  private static long countOf(byte[] payload, PayloadLayout layout, String field) {
    for (FieldLayout f : layout.fields()) {
      if (f.field().name().equals(field)) {
        return Bytes.unsigned(payload, f.offset(), (int) f.elementSize());
      }
    }
    return -1;
  }

  private void checkFds(WireMessage m, FdSpec spec, String name, String what,
      List<Finding> found) {
    int min = spec == null ? 0 : spec.min();
    int max = spec == null ? 0 : spec.max();
    if (m.fds() < min || m.fds() > max) {
      report(found, WireCheck.Kind.FD_COUNT, m.line(), m.direction().sender(), name, name + " "
          + what + ": " + m.fds() + " file descriptors, the entry allows "
          + (min == max ? String.valueOf(min) : min + " to " + max));
    }
  }

  private void checkFields(WireMessage m, Ref payload, String label, List<Finding> found) {
    if (payload == null) {
      return;
    }
    layouts.of(payload.name()).ifPresent(layout ->
        walk(m, layout, 0, payload.name(), label, found));
  }

  private void walk(WireMessage m, PayloadLayout layout, long base, String path, String label,
      List<Finding> found) {
    for (FieldLayout f : layout.fields()) {
      long elements = f.field().flexible()
          ? flexibleCount(m, layout, f, base)
          : (f.field().count() == null ? 1 : f.field().count());
      String type = f.field().type().name();
      boolean primitive = Primitive.named(type).isPresent();
      for (long i = 0; i < elements; i++) {
        long at = base + f.offset() + i * f.elementSize();
        if (at + f.elementSize() > m.payload().length) {
          return;
        }
        String where = path + "." + f.field().name() + (f.field().isArray() ? "[" + i + "]" : "");
        if (!primitive) {
          PayloadLayout nested = layouts.of(type).orElse(null);
          if (nested != null) {
            walk(m, nested, at, where, label, found);
          }
          continue;
        }
        long value = m.unsigned(at, (int) f.elementSize());
        if (f.field().padding() && value != 0) {
          report(found, WireCheck.Kind.PADDING_ZERO, m.line(), m.direction().sender(),
              nameOf(m), label + ": padding " + where + " is 0x" + Long.toHexString(value));
          break;
        }
        WireRules.EnumRule rule = f.field().values() == null ? null
            : enumRules.get(f.field().values().name());
        if (rule != null) {
          checkEnum(m, enums.get(f.field().values().name()), rule, value, where, label, found);
        }
      }
    }
  }

  private long flexibleCount(WireMessage m, PayloadLayout layout, FieldLayout f, long base) {
    if (f.field().countField() != null) {
      return Math.max(0, countOf(slice(m.payload(), base), layout, f.field().countField().name()));
    }
    return f.elementSize() == 0 ? 0 : Math.max(0, (m.payload().length - base - f.offset())
        / f.elementSize());
  }

  private static byte[] slice(byte[] bytes, long from) {
    return from == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, (int) from, bytes.length);
  }

  private void checkEnum(WireMessage m, EnumType type, WireRules.EnumRule rule, long value,
      String where, String label, List<Finding> found) {
    if (type == null) {
      return;
    }
    if (type.kind() == EnumKind.FLAGS) {
      long allowed = 0;
      for (EnumMember member : type.members()) {
        Long v = member.numericValue();
        allowed |= v == null ? 0 : v;
      }
      if ((value & ~allowed) != 0) {
        finding(found, rule.rule(), null, m.line(), m.direction().sender(), nameOf(m),
            label + ": " + where + " = 0x" + Long.toHexString(value) + " sets bits 0x"
                + Long.toHexString(value & ~allowed) + " that " + type.name()
                + " does not define", level(rule.severity()));
      }
      return;
    }
    for (EnumMember member : type.members()) {
      if (member.value() != null && member.value() == value) {
        return;
      }
    }
    finding(found, rule.rule(), null, m.line(), m.direction().sender(), nameOf(m),
        label + ": " + where + " = " + value + " is not a member of " + type.name(),
        level(rule.severity()));
  }

  private void checkOrder(WireMessage m, Message entry, List<Finding> found) {
    long ring = ringOf(m, entry);
    List<OrderRule> ordering = registry.wire().ordering();
    for (int i = 0; i < ordering.size(); i++) {
      OrderRule rule = ordering.get(i);
      Set<String> seen = sentPerRule.computeIfAbsent(i, k -> new HashSet<>());
      if (rule.messages().stream().noneMatch(r -> is(r, entry))) {
        continue;
      }
      List<String> missing = new ArrayList<>();
      for (Precondition p : rule.after()) {
        boolean met = p.anyOf().stream().anyMatch(r -> seen.contains(p.sameRing()
            ? name(r) + "#" + ring : name(r)));
        if (!met) {
          missing.add(String.join(" or ", p.anyOf().stream().map(Ref::name).toList())
              + (p.sameRing() ? " (ring " + ring + ")" : ""));
        }
      }
      if (!missing.isEmpty()) {
        finding(found, rule.rule(), null, m.line(), m.direction().sender(), entry.name(),
            entry.name() + (ring >= 0 ? " (ring " + ring + ")" : "") + " before "
                + String.join(", ", missing) + ": " + rule.summary());
      }
    }
    for (int i = 0; i < ordering.size(); i++) {
      Set<String> seen = sentPerRule.computeIfAbsent(i, k -> new HashSet<>());
      OrderRule rule = ordering.get(i);
      if (ring >= 0 && rule.resetBy().stream().anyMatch(r -> is(r, entry))) {
        seen.removeIf(key -> key.endsWith("#" + ring));
      }
      seen.add(entry.name());
      if (ring >= 0) {
        seen.add(entry.name() + "#" + ring);
      }
    }
  }

  /** The current name of a message named in the wire rules (perhaps by a previous name). */
  private String name(Ref ref) {
    return current.getOrDefault(ref.name(), ref.name());
  }

  private boolean is(Ref ref, Message entry) {
    return name(ref).equals(entry.name());
  }

  private long ringOf(WireMessage m, Message entry) {
    if (entry.request() == null) {
      return -1;
    }
    RingIndex ring = rings.get(entry.request().name());
    PayloadLayout layout = ring == null ? null : layouts.of(ring.payload().name()).orElse(null);
    if (layout == null) {
      return -1;
    }
    for (FieldLayout f : layout.fields()) {
      if (f.field().name().equals(ring.field())) {
        long value = m.unsigned(f.offset(), (int) f.elementSize());
        return value < 0 ? -1 : ring.mask() == null ? value : value & ring.mask();
      }
    }
    return -1;
  }

  private boolean negotiatedProtocol(String name) {
    Long bit = protocolBits.get(name);
    return bit != null && has(protocolOffered, bit) && has(protocolAcked, bit);
  }

  private static boolean has(long bits, long bit) {
    return bit >= 0 && bit < 64 && (bits & (1L << bit)) != 0;
  }

  private Map<Long, Message> table(Channel channel) {
    return channel == Channel.MAIN ? frontEnd : backEnd;
  }

  private static Direction receiverOf(Channel channel) {
    return channel == Channel.MAIN ? Direction.BACK_END : Direction.FRONT_END;
  }

  private String label(WireMessage m) {
    String name = nameOf(m);
    return (name == null ? "request id " + m.request() : name) + (m.isReply() ? " reply" : "");
  }

  private String ruleOf(WireCheck.Kind kind) {
    WireCheck check = checks.get(kind);
    return check == null ? kind.yamlName() : check.rule();
  }

  private void report(List<Finding> found, WireCheck.Kind kind, int line, Direction side,
      String messageName, String text) {
    finding(found, ruleOf(kind), kind, line, side, messageName, text);
  }

  private void finding(List<Finding> found, String rule, WireCheck.Kind kind, int line,
      Direction side, String messageName, String text) {
    WireCheck check = kind == null ? null : checks.get(kind);
    finding(found, rule, kind, line, side, messageName, text,
        level(check == null ? null : check.severity()));
  }

  private static Finding.Level level(org.vhostuser.spec.registry.Severity severity) {
    return severity == org.vhostuser.spec.registry.Severity.WARNING ? Finding.Level.WARNING
        : Finding.Level.ERROR;
  }

  private void finding(List<Finding> found, String rule, WireCheck.Kind kind, int line,
      Direction side, String messageName, String text, Finding.Level level) {
    Finding finding = new Finding(level, rule, text, line, side, messageName, null);
    for (Quirk quirk : quirks) {
      if (quirk.side() == side && quirk.rule().equals(rule)
          && (quirk.message() == null || name(quirk.message()).equals(messageName))) {
        finding = finding.explained("known quirk of " + quirk.implementation() + " "
            + implementations.get(quirk.implementation()) + ": " + quirk.does());
        break;
      }
    }
    found.add(finding);
  }

}
