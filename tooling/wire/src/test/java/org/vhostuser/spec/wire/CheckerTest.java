package org.vhostuser.spec.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vhostuser.spec.wire.Talk.ASK;
import static org.vhostuser.spec.wire.Talk.REPLY;
import static org.vhostuser.spec.wire.Talk.VERSION;
import static org.vhostuser.spec.wire.Talk.bytes;
import static org.vhostuser.spec.wire.Talk.memory;
import static org.vhostuser.spec.wire.Talk.none;
import static org.vhostuser.spec.wire.Talk.ringAddr;
import static org.vhostuser.spec.wire.Talk.u32s;
import static org.vhostuser.spec.wire.Talk.u64;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.WireRules.WireCheck;

/**
 * The checker against the fixture registry: a clean conversation gives nothing, and each break
 * gives exactly one finding that cites the rule wire-rules.yaml names for its check.
 */
class CheckerTest {
  static final Registry REGISTRY = Talk.fixture();
  /**
   * The checks some test below has seen fire (a check is seen when a finding cites its rule);
   * every built-in check must be among them.
   */
  static final Set<WireCheck.Kind> SEEN = EnumSet.noneOf(WireCheck.Kind.class);

  /** The findings as "line: rule: message", and which check produced each. */
  static List<String> lines(List<Finding> findings) {
    return findings.stream().map(f -> f.line() + ": " + f.level().word() + ": " + f.rule() + ": "
        + f.message()).toList();
  }

  static List<String> check(Talk talk) {
    List<Finding> findings = talk.check(REGISTRY);
    for (Finding f : findings) {
      REGISTRY.wire().checks().stream().filter(c -> c.rule().equals(f.rule()))
          .forEach(c -> SEEN.add(c.kind()));
    }
    return lines(findings);
  }

  /** A full start of a device: memory, one ring started and enabled, a config read. */
  static Talk cleanStart() {
    Talk t = new Talk().handshake();
    t.front(5, ASK, memory(1, 1), 1).back(5, REPLY, u64(0), 0);
    t.front(8, VERSION, u32s(0, 256), 0);
    t.front(9, VERSION, ringAddr(0, 1, 0, 0), 0);
    t.front(10, VERSION, u32s(0, 0), 0);
    t.front(12, VERSION, u64(0), 1);
    t.front(18, ASK, u32s(0, 1), 0).back(18, REPLY, u64(0), 0);
    t.front(24, VERSION, u32s(0, 4, 0, 0), 0).back(24, REPLY, u32s(0, 4, 0, 7), 0);
    return t;
  }

  @Test
  void aCleanConversationBreaksNothing() {
    assertThat(check(cleanStart())).isEmpty();
  }

  @Test
  void theRealRegistryAsksOnlyForTheOfferOfVirtioFeatures() {
    Registry real = Talk.real();
    assertThat(real.wire().checks()).hasSize(WireCheck.Kind.values().length);
    Talk t = new Talk().front(1, VERSION, none(), 0).back(1, REPLY, u64(1L << 30), 0);
    t.front(3, VERSION, none(), 0);
    t.front(18, VERSION, u32s(0, 1), 0);
    Talk notOffered = new Talk().front(1, VERSION, none(), 0).back(1, REPLY, u64(0), 0);
    notOffered.front(3, VERSION, none(), 0).front(18, VERSION, u32s(0, 1), 0);

    assertThat(lines(t.check(real))).isEmpty();
    assertThat(lines(t.check(REGISTRY))).containsExactly("4: error:"
        + " feature-negotiated-before-use: VHOST_USER_SET_VRING_ENABLE needs"
        + " VHOST_USER_F_PROTOCOL_FEATURES negotiated, which it is not");
    assertThat(lines(notOffered.check(real))).containsExactly("4: error:"
        + " feature-negotiated-before-use: VHOST_USER_SET_VRING_ENABLE needs"
        + " VHOST_USER_F_PROTOCOL_FEATURES offered, which it is not");
  }

  @Test
  void headerVersionAndUndefinedFlags() {
    Talk t = new Talk().front(1, 2, none(), 0).back(1, REPLY | 0x10, u64(0), 0);
    assertThat(check(t)).containsExactly(
        "1: error: header-version: VHOST_USER_GET_FEATURES: version bits are 2, not 1",
        "2: error: header-reserved-flags: VHOST_USER_GET_FEATURES reply: flag bits 0x10 are not"
            + " defined");
  }

  @Test
  void replyFlagOnARequestAndMissingOnAReply() {
    Talk t = new Talk().front(1, REPLY, none(), 0).back(1, VERSION, u64(0), 0);
    assertThat(check(t)).containsExactly(
        "1: error: reply-flag: VHOST_USER_GET_FEATURES reply has the reply flag but flows the way"
            + " requests go on the main channel",
        "2: error: reply-flag: VHOST_USER_GET_FEATURES flows the way replies go on the main"
            + " channel but has no reply flag");
  }

  @Test
  void anUnknownRequestAndASuccessfulAnswerToIt() {
    Talk t = new Talk().handshake().front(77, ASK, none(), 0).back(77, REPLY, u64(0), 0);
    assertThat(check(t)).containsExactly(
        "9: warning: unknown-request: request id 77 is not a front-end message",
        "10: error: unknown-request: request id 77 reply: success status for an unknown request");
  }

  @Test
  void aFailureStatusForAnUnknownRequestIsWhatTheReceiverRuleAsks() {
    Talk t = new Talk().handshake().front(77, ASK, none(), 0).back(77, REPLY, u64(1), 0);
    assertThat(check(t)).containsExactly(
        "9: warning: unknown-request: request id 77 is not a front-end message");
  }

  @Test
  void fixedAndVariablePayloadSizes() {
    Talk t = new Talk().handshake();
    t.front(8, VERSION, bytes(6), 0);
    t.front(5, VERSION, memory(2, 1), 1);
    t.front(24, VERSION, u32s(0, 4, 0), 0).back(24, REPLY, u32s(0, 4, 0, 0), 0);
    t.front(5, VERSION, memory(9, 9), 1);
    assertThat(check(t)).containsExactly(
        "9: error: payload-size-matches: VHOST_USER_SET_VRING_NUM: size is 6, the vring_state"
            + " payload is 8 bytes",
        "10: error: payload-size-matches: VHOST_USER_SET_MEM_TABLE: size is 40, but num_regions"
            + " = 2 makes it 72",
        "11: error: payload-size-matches: VHOST_USER_GET_CONFIG: size is 12, but size = 4 makes"
            + " it 16",
        "13: error: payload-size-matches: VHOST_USER_SET_MEM_TABLE: 9 elements of regions, more"
            + " than 8");
  }

  @Test
  void aReplyBodyWhereTheEntryDefinesNone() {
    Talk t = new Talk().handshake();
    t.front(6, VERSION, bytes(16), 1).back(6, REPLY, u64(16), 0);
    assertThat(check(t)).containsExactly(
        "10: warning: migration-log-base-reply-body: VHOST_USER_SET_LOG_BASE reply: size is 8,"
            + " but the message has no payload");
  }

  @Test
  void paddingAndEnumValues() {
    Talk t = cleanStart();
    t.front(9, VERSION, ringAddr(0, 1, 0, 3), 0);
    t.front(9, VERSION, ringAddr(0, 4, 5, 0), 0);
    t.front(12, VERSION, u64(1L << 9), 1);
    assertThat(check(t)).containsExactly(
        "19: warning: payload-padding-zero: VHOST_USER_SET_VRING_ADDR: padding"
            + " vring_addr.padding[0] is 0x3",
        "20: error: payload-enum-value: VHOST_USER_SET_VRING_ADDR: vring_addr.flags = 0x4 sets"
            + " bits 0x4 that vring_addr_flags does not define",
        "20: error: payload-enum-value: VHOST_USER_SET_VRING_ADDR: vring_addr.kind = 5 is not a"
            + " member of ring_kind",
        "21: error: payload-enum-value: VHOST_USER_SET_VRING_KICK: vring_fd.value = 0x200 sets"
            + " bits 0x200 that vring_fd_flags does not define");
  }

  @Test
  void anEmptyConfigReplyIsTheFailureFormTheSizeRulesAllow() {
    Talk t = new Talk().handshake();
    t.front(24, VERSION, u32s(0, 4, 0, 0), 0).back(24, REPLY, none(), 0);
    assertThat(check(t)).isEmpty();
  }

  @Test
  void aReplyThatCopiesNeedReplyAndProtocolBitsThatWereNotOffered() {
    Talk t = new Talk().front(1, VERSION, none(), 0).back(1, REPLY, u64(1L << 30), 0);
    t.front(15, VERSION, none(), 0).back(15, REPLY | WireMessage.NEED_REPLY, u64(1L << 3), 0);
    t.front(16, VERSION, u64(1L << 3 | 1L << 9), 0);
    assertThat(check(t)).containsExactly(
        "4: error: reply-flags-exact: VHOST_USER_GET_PROTOCOL_FEATURES reply: NEED_REPLY set on"
            + " a reply",
        "5: error: protocol-features-subset: VHOST_USER_SET_PROTOCOL_FEATURES: bits 0x200 were"
            + " not offered in the GET_PROTOCOL_FEATURES reply");
  }

  @Test
  void aStoppedRingMustBeSetUpAgainBeforeItStarts() {
    Talk t = cleanStart();
    t.front(11, VERSION, u32s(0, 0), 0).back(11, REPLY, u32s(0, 5), 0);
    t.front(8, VERSION, u32s(0, 256), 0);
    t.front(12, VERSION, u64(0), 1);
    assertThat(check(t)).containsExactly(
        "22: error: ring-start-prerequisites: VHOST_USER_SET_VRING_KICK (ring 0) before"
            + " VHOST_USER_SET_VRING_ADDR (ring 0), VHOST_USER_SET_VRING_BASE (ring 0): Before the"
            + " message that starts a ring, the ring has its size, its addresses and its base since"
            + " it was last stopped, and the features are set.");
  }

  @Test
  void onlyEnumsARuleRestrictsAreChecked() {
    Registry real = Talk.real();
    Talk t = new Talk().front(1, VERSION, none(), 0).back(1, REPLY, u64(1L << 30), 0);
    t.front(15, VERSION, none(), 0).back(15, REPLY, u64(1L << 9), 0);
    t.front(16, VERSION, u64(1L << 9), 0).front(3, VERSION, none(), 0);
    t.front(24, VERSION, u32s(0, 0, 7), 0).back(24, REPLY, u32s(0, 0, 0), 0);
    t.front(13, VERSION, u64(1L << 9), 1);
    assertThat(lines(t.check(real))).containsExactly(
        "7: error: payload-config-flags-values: VHOST_USER_GET_CONFIG: config.flags = 7 is not a"
            + " member of config_flags");
  }

  @Test
  void descriptorCounts() {
    Talk t = new Talk().front(1, VERSION, none(), 1).back(1, REPLY, u64(0), 2);
    t.front(5, VERSION, memory(1, 1), 0);
    assertThat(check(t)).contains(
        "1: error: fds-per-message: VHOST_USER_GET_FEATURES request: 1 file descriptors, the"
            + " entry allows 0",
        "2: error: fds-per-message: VHOST_USER_GET_FEATURES reply: 2 file descriptors, the entry"
            + " allows 0",
        "3: error: fds-per-message: VHOST_USER_SET_MEM_TABLE request: 0 file descriptors, the"
            + " entry allows 1 to 8");
  }

  @Test
  void repliesThatAreNotDueAndStatusesOfTheWrongSize() {
    Talk t = new Talk().front(1, VERSION, none(), 0).back(1, REPLY, u64(1L << 30), 0);
    t.front(3, ASK, none(), 0).back(3, REPLY, u64(0), 0);
    t.front(15, VERSION, none(), 0).back(15, REPLY, u64(1L << 3), 0);
    t.front(16, VERSION, u64(1L << 3), 0);
    t.front(2, VERSION, u64(0), 0).back(2, REPLY, u64(0), 0);
    t.front(8, ASK, u32s(0, 8), 0).back(8, REPLY, none(), 0);
    assertThat(check(t)).containsExactly(
        "4: error: need-reply-without-reply-ack: VHOST_USER_SET_OWNER reply: NEED_REPLY was set"
            + " but REPLY_ACK is not negotiated, so no reply is due",
        "9: error: reply-when-due: VHOST_USER_SET_FEATURES reply: VHOST_USER_SET_FEATURES gets no"
            + " reply here",
        "11: error: reply-ack-status: VHOST_USER_SET_VRING_NUM reply: the status reply is 0"
            + " bytes, not a u64 (8 bytes)");
  }

  @Test
  void aReplyThatIsDueButNeverComes() {
    Talk t = new Talk().handshake().front(8, ASK, u32s(0, 8), 0);
    assertThat(check(t)).containsExactly(
        "9: error: reply-when-due: VHOST_USER_SET_VRING_NUM got no reply");
  }

  @Test
  void featuresUsedBeforeTheyAreNegotiatedOrOffered() {
    Talk t = new Talk().front(15, VERSION, none(), 0).back(15, REPLY, u64(0), 0);
    t.front(1, VERSION, none(), 0).back(1, REPLY, u64(1L << 30), 0);
    t.front(18, VERSION, u32s(0, 1), 0);
    t.front(2, VERSION, u64(1L << 30 | 1L << 40), 0);
    t.front(24, VERSION, u32s(0, 0, 0), 0).back(24, REPLY, u32s(0, 0, 0), 0);
    assertThat(check(t)).containsExactly(
        "1: error: protocol-features-offered: VHOST_USER_GET_PROTOCOL_FEATURES needs"
            + " VHOST_USER_F_PROTOCOL_FEATURES offered, which it is not",
        "5: error: feature-negotiated-before-use: VHOST_USER_SET_VRING_ENABLE needs"
            + " VHOST_USER_F_PROTOCOL_FEATURES negotiated, which it is not",
        "6: error: set-features-subset: VHOST_USER_SET_FEATURES: bits 0x10000000000 were not"
            + " offered in the GET_FEATURES reply",
        "7: error: feature-negotiated-before-use: VHOST_USER_GET_CONFIG needs"
            + " VHOST_USER_PROTOCOL_F_CONFIG negotiated, which it is not");
  }

  @Test
  void orderingRules() {
    Talk t = new Talk().front(8, VERSION, u32s(0, 8), 0);
    t.front(3, VERSION, none(), 0);
    t.front(5, VERSION, memory(1, 1), 1);
    t.front(8, VERSION, u32s(1, 8), 0).front(9, VERSION, ringAddr(0, 0, 0, 0), 0);
    t.front(10, VERSION, u32s(1, 0), 0);
    t.front(2, VERSION, u64(0), 0);
    t.front(12, VERSION, u64(1), 1);
    Talk noMemory = new Talk().front(3, VERSION, none(), 0);
    noMemory.front(9, VERSION, ringAddr(0, 0, 0, 0), 0);
    assertThat(check(t)).containsExactly(
        "1: error: set-owner-first: VHOST_USER_SET_VRING_NUM (ring 0) before"
            + " VHOST_USER_SET_OWNER: Memory and rings are configured only after SET_OWNER.",
        "8: error: ring-start-prerequisites: VHOST_USER_SET_VRING_KICK (ring 1) before"
            + " VHOST_USER_SET_VRING_ADDR (ring 1): Before the message that starts a ring, the"
            + " ring has its size, its addresses and its base since it was last stopped, and the"
            + " features are set.");
    assertThat(check(noMemory)).containsExactly(
        "2: error: ring-start-prerequisites: VHOST_USER_SET_VRING_ADDR (ring 0) before"
            + " VHOST_USER_SET_MEM_TABLE: Before a ring's addresses, the back-end has a memory"
            + " table that covers them.");
  }

  @Test
  void aQuirkOfANamedImplementationVersionBecomesANote() {
    Talk t = new Talk().front(1, VERSION, none(), 0).back(1, REPLY, u64(1L << 30), 0);
    t.front(18, VERSION, u32s(0, 1), 0);
    List<Finding> inRange = t.check(REGISTRY, Map.of("acme", "1.5"));
    List<Finding> after = t.check(REGISTRY, Map.of("acme", "2.0"));
    List<Finding> other = t.check(REGISTRY, Map.of("other", "1.5"));

    assertThat(inRange).singleElement().satisfies(f -> {
      assertThat(f.level()).isEqualTo(Finding.Level.NOTE);
      assertThat(f.quirk()).isEqualTo("known quirk of acme 1.5: Enables rings before"
          + " acknowledging the protocol features.");
    });
    assertThat(after).singleElement().extracting(Finding::level).isEqualTo(Finding.Level.ERROR);
    assertThat(other).singleElement().extracting(Finding::level).isEqualTo(Finding.Level.ERROR);
  }

  @Test
  void theBackEndChannelHasItsOwnTableAndReplyDirection() {
    Talk t = new Talk().handshake();
    t.add(Channel.BACKEND, Flow.BACK_TO_FRONT, 2, ASK, none(), 0);
    t.add(Channel.BACKEND, Flow.FRONT_TO_BACK, 2, REPLY, u64(0), 0);
    t.add(Channel.BACKEND, Flow.BACK_TO_FRONT, 5, VERSION, none(), 0);
    assertThat(check(t)).containsExactly(
        "11: warning: unknown-request: request id 5 is not a back-end message");
  }

  @AfterAll
  static void everyBuiltInCheckFiredSomewhere() {
    assertThat(SEEN).containsExactlyInAnyOrder(WireCheck.Kind.values());
  }
}
