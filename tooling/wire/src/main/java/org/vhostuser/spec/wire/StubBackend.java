package org.vhostuser.spec.wire;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Layouts.PayloadLayout;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Replies;
import org.vhostuser.spec.registry.WireRules.ReceiverRule;

/**
 * {@code stub-backend}: a registry-driven back-end that answers every request validly and does
 * nothing else (no ring is processed), so a front-end can be exercised and checked without a
 * real device. Replies follow each entry's reply rule, with REPLY_ACK statuses of 0, the
 * configured feature sets, the ring bases it was given, and zeroed bodies of the reply layout.
 */
public final class StubBackend {
  private final Registry registry;
  private final Layouts layouts;
  private final Session session;
  private final WireSocket socket;
  private final long virtio;
  private final long protocol;
  private final long queues;
  private final Map<Long, Long> bases = new HashMap<>();
  private long acknowledgedProtocol;
  private long status;

  private StubBackend(Registry registry, Session session, WireSocket socket, long virtio,
      long protocol, long queues) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.session = session;
    this.socket = socket;
    this.virtio = virtio;
    this.protocol = protocol;
    this.queues = queues;
  }

  /**
   * Serves one front-end connected on {@code socket} until it hangs up; {@code idleMs} bounds how
   * long the stub waits for the next request.
   */
  public static void serve(Registry registry, Session session, WireSocket socket, long virtio,
      long protocol, long queues, int idleMs) throws WireException, IOException {
    new StubBackend(registry, session, socket, virtio, protocol, queues).loop(idleMs);
  }

  /** The feature mask of the named features of a table. */
  public static long mask(Iterable<Feature> features, Iterable<String> names) {
    long bits = 0;
    for (String name : names) {
      for (Feature f : features) {
        if (f.name().equals(name) && f.bit() != null) {
          bits |= 1L << f.bit();
        }
      }
    }
    return bits;
  }

  private void loop(int idleMs) throws WireException, IOException {
    while (true) {
      WireSocket.Received r = socket.read(Channel.MAIN, Flow.FRONT_TO_BACK, session.origin(),
          idleMs, idleMs);
      if (r == null) {
        if (socket.idle()) {
          throw new WireException(WireException.Kind.PEER, "the front-end sent nothing for "
              + WireSocket.seconds(idleMs));
        }
        return;
      }
      WireSocket.closeAll(r.fds());
      WireMessage m = r.message();
      session.record(m);
      answer(m);
    }
  }

  private void answer(WireMessage m) throws IOException {
    Message entry = registry.frontEnd().messages().stream()
        .filter(e -> e.id() == m.request()).findFirst().orElse(null);
    boolean replyAck = (acknowledgedProtocol & bit("VHOST_USER_PROTOCOL_F_REPLY_ACK")) != 0;
    boolean asked = m.needsReply() && replyAck;
    if (entry == null) {
      var rule = registry.wire().receiver(ReceiverRule.Situation.UNKNOWN_REQUEST);
      if (asked && rule.isPresent()
          && rule.get().reply() == ReceiverRule.Response.FAILURE_WHEN_ASKED) {
        reply(m, u64(1));
      }
      return;
    }
    String name = entry.name();
    long value = m.unsigned(0, 8);
    switch (name) {
      case "VHOST_USER_SET_PROTOCOL_FEATURES" -> acknowledgedProtocol = value;
      case "VHOST_USER_SET_VRING_BASE" -> bases.put(m.unsigned(0, 4), m.unsigned(4, 4));
      case "VHOST_USER_SET_STATUS" -> status = value;
      default -> { }
    }
    if (entry.replies() == Replies.ALWAYS) {
      reply(m, body(entry, m));
    } else if (asked && (entry.replies() == Replies.REPLY_ACK
        || entry.replies() == Replies.CONDITIONAL)) {
      reply(m, u64(0));
    }
  }

  private byte[] body(Message entry, WireMessage m) {
    switch (entry.name()) {
      case "VHOST_USER_GET_FEATURES":
        return u64(virtio);
      case "VHOST_USER_GET_PROTOCOL_FEATURES":
        return u64(protocol);
      case "VHOST_USER_GET_QUEUE_NUM":
        return u64(queues);
      case "VHOST_USER_GET_MAX_MEM_SLOTS":
        return u64(8);
      case "VHOST_USER_GET_STATUS":
        return u64(status);
      case "VHOST_USER_GET_VRING_BASE":
      case "VHOST_USER_GET_VRING_BASE_SKIP_DRAIN": {
        long index = m.unsigned(0, 4);
        return new PayloadBuilder(layouts, entry.reply().name(), 0).set("index", index)
            .set("base", bases.getOrDefault(index, 0L)).bytes();
      }
      case "VHOST_USER_GET_CONFIG": {
        byte[] out = m.payload().clone();
        java.util.Arrays.fill(out, Math.min(12, out.length), out.length, (byte) 0);
        return out;
      }
      default:
        break;
    }
    if (entry.reply() == null) {
      return new byte[0];
    }
    PayloadLayout layout = layouts.of(entry.reply().name()).orElse(null);
    if (layout == null) {
      return new byte[0];
    }
    return new byte[(int) layout.size()];
  }

  private void reply(WireMessage request, byte[] payload) throws IOException {
    long flags = 1 | WireMessage.REPLY;
    double time = (System.nanoTime() - session.origin()) / 1e6;
    session.record(new WireMessage(time, Channel.MAIN, Flow.BACK_TO_FRONT, request.request(),
        flags, payload.length, 0, payload, 0));
    socket.write(request.request(), flags, payload);
  }

  private byte[] u64(long value) {
    return new PayloadBuilder(layouts, "u64_value", 0).set("value", value).bytes();
  }

  private long bit(String protocolFeature) {
    return mask(registry.protocolFeatures().features(), java.util.List.of(protocolFeature));
  }
}
