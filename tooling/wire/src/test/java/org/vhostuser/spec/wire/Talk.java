package org.vhostuser.spec.wire;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** Builds a conversation message by message for the checker tests, in the fixture registry. */
final class Talk {
  static final Path FIXTURE = Path.of("src/test/resources/registry");
  static final Path REAL = Path.of("../../spec/registry");
  static final long VERSION = 1;
  static final long REPLY = 1 | WireMessage.REPLY;
  static final long ASK = 1 | WireMessage.NEED_REPLY;

  final List<WireMessage> messages = new ArrayList<>();

  /** The fixture registry, which must be valid. */
  static Registry fixture() {
    RegistryValidator.Checked checked = RegistryValidator.loadAndValidate(FIXTURE);
    if (!checked.diagnostics().isEmpty()) {
      throw new IllegalStateException("the fixture registry is not valid: "
          + checked.diagnostics());
    }
    return checked.registry();
  }

  /** The real registry of the repository. */
  static Registry real() {
    return RegistryValidator.loadAndValidate(REAL).registry();
  }

  Talk front(long request, long flags, byte[] payload, int fds) {
    return add(Channel.MAIN, Flow.FRONT_TO_BACK, request, flags, payload, fds);
  }

  Talk back(long request, long flags, byte[] payload, int fds) {
    return add(Channel.MAIN, Flow.BACK_TO_FRONT, request, flags, payload, fds);
  }

  Talk add(Channel channel, Flow flow, long request, long flags, byte[] payload, int fds) {
    messages.add(new WireMessage(messages.size(), channel, flow, request, flags, payload.length,
        fds, payload, messages.size() + 1));
    return this;
  }

  /** The usual opening: features offered and acknowledged, REPLY_ACK and CONFIG negotiated. */
  Talk handshake() {
    front(1, VERSION, none(), 0).back(1, REPLY, u64(1L << 30 | 1L << 32), 0);
    front(15, VERSION, none(), 0).back(15, REPLY, u64(1L << 3 | 1L << 9 | 1L << 1), 0);
    front(16, VERSION, u64(1L << 3 | 1L << 9 | 1L << 1), 0);
    front(3, ASK, none(), 0).back(3, REPLY, u64(0), 0);
    front(2, VERSION, u64(1L << 30 | 1L << 32), 0);
    return this;
  }

  /** Runs the checker over the conversation and returns every finding, end included. */
  List<Finding> check(Registry registry, Map<String, String> implementations) {
    Checker checker = new Checker(registry, implementations);
    messages.forEach(checker::accept);
    checker.finish();
    return checker.findings();
  }

  List<Finding> check(Registry registry) {
    return check(registry, Map.of());
  }

  static byte[] none() {
    return new byte[0];
  }

  static byte[] u64(long value) {
    byte[] out = new byte[8];
    Bytes.put(out, 0, 8, value);
    return out;
  }

  static byte[] u32s(long... values) {
    byte[] out = new byte[values.length * 4];
    for (int i = 0; i < values.length; i++) {
      Bytes.put(out, 4 * i, 4, values[i]);
    }
    return out;
  }

  static byte[] bytes(int size) {
    return new byte[size];
  }

  /** The memory table with {@code stated} regions in num_regions and {@code sent} regions. */
  static byte[] memory(int stated, int sent) {
    byte[] out = new byte[8 + 32 * sent];
    Bytes.put(out, 0, 4, stated);
    return out;
  }

  /** vring_addr: index, flags, kind, 7 padding bytes, a descriptor address. */
  static byte[] ringAddr(long index, long flags, int kind, int padding) {
    byte[] out = new byte[24];
    Bytes.put(out, 0, 4, index);
    Bytes.put(out, 4, 4, flags);
    out[8] = (byte) kind;
    out[9] = (byte) padding;
    return out;
  }
}
