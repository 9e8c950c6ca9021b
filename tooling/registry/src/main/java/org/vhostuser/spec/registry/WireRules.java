package org.vhostuser.spec.registry;

import java.util.List;
import java.util.Optional;

/**
 * What a machine checks on the wire beyond each entry's own keys ({@code wire-rules.yaml}): the
 * spec rule each built-in check enforces, what a receiver does where the message tables cannot
 * say, the ordering rules, and where each ring-addressing payload keeps its ring index.
 */
public record WireRules(
    List<WireCheck> checks,
    FeatureState featureState,
    List<ReceiverRule> receiver,
    List<SizeRule> sizeRules,
    List<EnumRule> enumRules,
    List<OrderRule> ordering,
    List<RingIndex> ringIndex,
    boolean present) {
  public WireRules {
    checks = List.copyOf(checks);
    receiver = List.copyOf(receiver);
    sizeRules = List.copyOf(sizeRules);
    enumRules = List.copyOf(enumRules);
    ordering = List.copyOf(ordering);
    ringIndex = List.copyOf(ringIndex);
    featureState = featureState == null ? FeatureState.NEGOTIATED_BOTH : featureState;
  }

  /** No {@code wire-rules.yaml}: nothing to check on the wire. */
  public static WireRules none() {
    return new WireRules(List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(),
        false);
  }

  /**
   * What a message's feature requirement asks to have been seen on the wire, per feature table:
   * the feature offered by the back-end, or negotiated (offered and acknowledged by the front-end).
   * A message's own {@code requires.when: offered} lowers its requirement to offered.
   */
  public record FeatureState(boolean protocolOfferedIsEnough, boolean virtioOfferedIsEnough) {
    /** Both tables negotiated: the default when the table does not say. */
    public static final FeatureState NEGOTIATED_BOTH = new FeatureState(false, false);
  }

  /**
   * A payload-size rule of one message part that differs from the layout check: the spec rule a
   * size mismatch breaks there and how seriously, and sizes also accepted (a failure's empty body).
   */
  public record SizeRule(Ref message, Part part, String rule, Severity severity,
      List<Long> alsoAllowed, String summary, SourcePosition at) {
    public SizeRule {
      alsoAllowed = List.copyOf(alsoAllowed);
    }

    /** Which part of the exchange the rule is about. */
    public enum Part {
      REQUEST, REPLY;

      /** The spelling in the YAML file. */
      public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }

  /** A spec rule id the registry cites, and where. */
  public record Citation(String rule, SourcePosition at) {}

  /**
   * Every rule id the registry cites for the wire checks, with where: the checks, receiver and
   * ordering rules, the requirements of messages and the quirks, in that order.
   */
  public static List<Citation> citations(Registry registry) {
    List<Citation> out = new java.util.ArrayList<>();
    WireRules wire = registry.wire();
    wire.checks().forEach(c -> out.add(new Citation(c.rule(), c.at())));
    wire.receiver().forEach(r -> out.add(new Citation(r.rule(), r.at())));
    wire.sizeRules().forEach(r -> out.add(new Citation(r.rule(), r.at())));
    wire.enumRules().forEach(r -> out.add(new Citation(r.rule(), r.at())));
    wire.ordering().forEach(o -> out.add(new Citation(o.rule(), o.at())));
    registry.allMessages().forEach(m -> out.add(new Citation(m.requires().rule(),
        m.requires().ruleAt())));
    registry.quirks().entries().forEach(q -> out.add(new Citation(q.rule(), q.at())));
    out.removeIf(c -> c.rule() == null || c.at() == null);
    return out;
  }

  /** The rule ids the registry cites, sorted, each once. */
  public static java.util.SortedSet<String> citedRules(Registry registry) {
    java.util.SortedSet<String> ids = new java.util.TreeSet<>();
    citations(registry).forEach(c -> ids.add(c.rule()));
    return ids;
  }

  /** The entry for one built-in check, if the table lists it. */
  public Optional<WireCheck> check(WireCheck.Kind kind) {
    return checks.stream().filter(c -> c.kind() == kind).findFirst();
  }

  /** The receiver rule for one situation, if the table lists it. */
  public Optional<ReceiverRule> receiver(ReceiverRule.Situation situation) {
    return receiver.stream().filter(r -> r.situation() == situation).findFirst();
  }

  /** One built-in check of the wire module and the spec rule it enforces. */
  public record WireCheck(Kind kind, String rule, Severity severity, String summary,
      SourcePosition at) {
    /** The checks the wire module implements; each must be given a rule id in the table. */
    public enum Kind {
      HEADER_VERSION, HEADER_FLAGS, KNOWN_REQUEST, PAYLOAD_SIZE, PADDING_ZERO, FD_COUNT, REPLY_FLAG, REPLY_FLAGS_EXACT, REPLY_DUE, REPLY_STATUS, FEATURE_REQUIRED,
      FEATURES_SUBSET, PROTOCOL_FEATURES_SUBSET;

      /** The spelling in the YAML file, for example {@code header-version}. */
      public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      }
    }
  }

  /** What a receiver does in a situation no message entry covers. */
  public record ReceiverRule(Situation situation, String rule, Response reply, boolean mayClose,
      String summary, SourcePosition at) {
    /** The situations the table describes. */
    public enum Situation {
      /** A request id the receiver's table does not have. */
      UNKNOWN_REQUEST,
      /** NEED_REPLY set while REPLY_ACK was not negotiated. */
      NEED_REPLY_WITHOUT_REPLY_ACK;

      /** The spelling in the YAML file. */
      public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }

    /** Which reply the receiver sends. */
    public enum Response {
      /** No reply at all (the flag is ignored, or the request is dropped). */
      NONE,
      /** A non-zero u64 status when REPLY_ACK was negotiated and NEED_REPLY set; else none. */
      FAILURE_WHEN_ASKED;

      /** The spelling in the YAML file. */
      public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      }
    }
  }

  /**
   * A spec rule that says which values a field taking this enum may hold: such fields are checked
   * to hold one of its members (a bit set: only its bits). Enums no rule names are not checked.
   */
  public record EnumRule(Ref enumType, String rule, Severity severity, SourcePosition at) {}

  /**
   * An ordering rule: each of {@code messages} is sent only after, for every precondition, at
   * least one of its messages was sent before it on the same connection (for the same ring when
   * the precondition says so). A message of {@code resetBy} for a ring forgets what was sent for
   * that ring, so the preconditions must be met again (a stopped ring is set up anew).
   */
  public record OrderRule(String rule, String summary, List<Ref> messages,
      List<Precondition> after, List<Ref> resetBy, SourcePosition at) {
    public OrderRule {
      messages = List.copyOf(messages);
      after = List.copyOf(after);
      resetBy = List.copyOf(resetBy);
    }
  }

  /** One precondition of an ordering rule: one of these messages came first. */
  public record Precondition(List<Ref> anyOf, boolean sameRing, SourcePosition at) {
    public Precondition {
      anyOf = List.copyOf(anyOf);
    }
  }

  /** Where a payload that addresses a ring keeps the ring index: a field, masked if needed. */
  public record RingIndex(Ref payload, String field, Long mask, SourcePosition at) {}
}
