package org.vhostuser.spec.wire;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;

/**
 * {@code probe}: a registry-driven front-end that drives a back-end through the handshake
 * (features, protocol features, queue count, owner), gives it a memory table in shared memory it
 * creates and one ring with kick and call notifiers, and for a block device reads one sector
 * through the split ring. Every message goes through the session's checks; the result says what
 * the back-end offered, which optional messages it answered, and what the read returned.
 */
public final class Probe {
  /** The device the probe drives through its ring. */
  public enum Device { GENERIC, BLK }

  private static final long MEMORY_SIZE = 1 << 20;
  private static final long USER_BASE = 0x7f00_0000_0000L;
  private static final int QUEUE_SIZE = 8;
  private static final long DESC = 0x0000;
  private static final long AVAIL = 0x1000;
  private static final long USED = 0x2000;
  private static final long REQUEST = 0x3000;
  private static final long DATA = 0x4000;
  private static final long STATUS = 0x5000;
  private static final int SECTOR = 512;
  /** One dirty-log bit per 4 KiB page of the memory, rounded up to a page. */
  private static final long LOG_SIZE = 4096;

  /** Protocol features the probe knows how to use. */
  private static final List<String> WANTED_PROTOCOL = List.of("VHOST_USER_PROTOCOL_F_MQ",
      "VHOST_USER_PROTOCOL_F_REPLY_ACK", "VHOST_USER_PROTOCOL_F_CONFIG",
      "VHOST_USER_PROTOCOL_F_LOG_SHMFD",
      "VHOST_USER_PROTOCOL_F_CONFIGURE_MEM_SLOTS", "VHOST_USER_PROTOCOL_F_STATUS");
  /** Virtio features the probe accepts when offered. */
  private static final List<String> WANTED_VIRTIO = List.of("VIRTIO_F_VERSION_1",
      "VHOST_USER_F_PROTOCOL_FEATURES");

  /** What the probe learned. */
  public record Result(List<String> virtioOffered, List<String> protocolOffered,
      List<String> supported, List<String> observations, boolean readOk) {}

  private final Registry registry;
  private final Layouts layouts;
  private final Session session;
  private final WireSocket socket;
  private final int timeoutMs;
  private final List<String> supported = new ArrayList<>();
  private final List<String> observations = new ArrayList<>();
  private boolean replyAck;
  private long acknowledged;

  private Probe(Registry registry, Session session, WireSocket socket, int timeoutMs) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
    this.session = session;
    this.socket = socket;
    this.timeoutMs = timeoutMs;
  }

  /** Probes the back-end listening at {@code path}. */
  public static Result run(Registry registry, Session session, Path path, Device device,
      int timeoutMs) throws WireException, IOException {
    try (WireSocket socket = WireSocket.connect(path, timeoutMs)) {
      return new Probe(registry, session, socket, timeoutMs).drive(device);
    }
  }

  private Result drive(Device device) throws WireException, IOException {
    long virtio = call("VHOST_USER_GET_FEATURES", new byte[0]).unsigned(0, 8);
    List<String> virtioNames = names(registry.virtioFeatures().features(), virtio);
    long protocol = 0;
    boolean protocolFeatures = has(virtio, virtioBit("VHOST_USER_F_PROTOCOL_FEATURES"));
    if (protocolFeatures) {
      protocol = call("VHOST_USER_GET_PROTOCOL_FEATURES", new byte[0]).unsigned(0, 8);
      long ack = accept(protocol, WANTED_PROTOCOL, this::protocolBit);
      send("VHOST_USER_SET_PROTOCOL_FEATURES", u64(ack), false);
      acknowledged = ack;
      replyAck = has(ack, protocolBit("VHOST_USER_PROTOCOL_F_REPLY_ACK"));
      if (has(ack, protocolBit("VHOST_USER_PROTOCOL_F_MQ"))) {
        long queues = call("VHOST_USER_GET_QUEUE_NUM", new byte[0]).unsigned(0, 8);
        observations.add("queues: " + queues);
        supported.add("VHOST_USER_GET_QUEUE_NUM");
      }
      if (has(ack, protocolBit("VHOST_USER_PROTOCOL_F_CONFIGURE_MEM_SLOTS"))) {
        long slots = call("VHOST_USER_GET_MAX_MEM_SLOTS", new byte[0]).unsigned(0, 8);
        observations.add("memory slots: " + slots);
        supported.add("VHOST_USER_GET_MAX_MEM_SLOTS");
      }
    }
    List<String> protocolNames = names(registry.protocolFeatures().features(), protocol);
    send("VHOST_USER_SET_OWNER", new byte[0], replyAck);
    if (device == Device.BLK && has(protocol, protocolBit("VHOST_USER_PROTOCOL_F_CONFIG"))) {
      byte[] request = new PayloadBuilder(layouts, "config", 8).set("offset", 0).set("size", 8)
          .bytes();
      WireMessage reply = call("VHOST_USER_GET_CONFIG", request);
      long capacity = reply.unsigned(12, 8);
      observations.add("capacity: " + capacity + " sectors of 512 bytes");
      supported.add("VHOST_USER_GET_CONFIG");
    }
    long ack = accept(virtio, WANTED_VIRTIO, this::virtioBit);
    send("VHOST_USER_SET_FEATURES", u64(ack), replyAck);
    boolean readOk;
    try (SharedMemory memory = SharedMemory.create(MEMORY_SIZE);
        Notifier kick = new Notifier();
        Notifier call = new Notifier()) {
      byte[] table = new PayloadBuilder(layouts, "memory", 1)
          .set("num_regions", 1)
          .set("regions[0].guest_phys_addr", 0)
          .set("regions[0].memory_size", MEMORY_SIZE)
          .set("regions[0].userspace_addr", USER_BASE)
          .set("regions[0].mmap_offset", 0).bytes();
      send("VHOST_USER_SET_MEM_TABLE", table, replyAck, memory.fd());
      send("VHOST_USER_SET_VRING_NUM", state(0, QUEUE_SIZE), replyAck);
      send("VHOST_USER_SET_VRING_BASE", new PayloadBuilder(layouts, "vring_base", 0)
          .set("index", 0).set("base", 0).bytes(), replyAck);
      send("VHOST_USER_SET_VRING_ADDR", new PayloadBuilder(layouts, "vring_addr", 0)
          .set("index", 0).set("flags", 0)
          .set("desc_user_addr", USER_BASE + DESC).set("used_user_addr", USER_BASE + USED)
          .set("avail_user_addr", USER_BASE + AVAIL).set("log_guest_addr", 0).bytes(),
          replyAck);
      send("VHOST_USER_SET_VRING_CALL", u64(0), replyAck, call.peerEnd());
      if (device == Device.BLK) {
        prepareRead(memory);
      }
      send("VHOST_USER_SET_VRING_KICK", u64(0), replyAck, kick.peerEnd());
      if (has(ack, virtioBit("VHOST_USER_F_PROTOCOL_FEATURES"))) {
        send("VHOST_USER_SET_VRING_ENABLE", state(0, 1), replyAck);
      }
      readOk = device != Device.BLK || read(memory, kick, call);
      if (has(acknowledged, protocolBit("VHOST_USER_PROTOCOL_F_LOG_SHMFD"))) {
        try (SharedMemory log = SharedMemory.create(LOG_SIZE)) {
          call("VHOST_USER_SET_LOG_BASE", new PayloadBuilder(layouts, "log", 0)
              .set("mmap_size", LOG_SIZE).set("mmap_offset", 0).bytes(), log.fd());
          supported.add("VHOST_USER_SET_LOG_BASE");
        }
      }
      WireMessage base = call("VHOST_USER_GET_VRING_BASE", state(0, 0));
      observations.add("ring 0 stopped at base " + base.unsigned(4, 4));
    }
    return new Result(virtioNames, protocolNames, supported, observations, readOk);
  }

  /** Lays out one virtio-blk read of sector 0: request header, data buffer, status byte. */
  private void prepareRead(SharedMemory memory) {
    memory.putInt(REQUEST, 0);
    memory.putInt(REQUEST + 4, 0);
    memory.putLong(REQUEST + 8, 0);
    descriptor(memory, 0, REQUEST, 16, 1, 1);
    descriptor(memory, 1, DATA, SECTOR, 1 | 2, 2);
    descriptor(memory, 2, STATUS, 1, 2, 0);
    memory.putShort(STATUS, (short) 0xff);
    memory.putShort(AVAIL, (short) 0);
    memory.putShort(AVAIL + 4, (short) 0);
    memory.putShort(AVAIL + 2, (short) 1);
  }

  private static void descriptor(SharedMemory memory, int index, long addr, int len, int flags,
      int next) {
    long at = DESC + 16L * index;
    memory.putLong(at, addr);
    memory.putInt(at + 8, len);
    memory.putShort(at + 12, (short) flags);
    memory.putShort(at + 14, (short) next);
  }

  private boolean read(SharedMemory memory, Notifier kick, Notifier call) throws IOException {
    kick.signal();
    boolean called = call.await(timeoutMs);
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (memory.getShort(USED + 2) == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    int usedIdx = memory.getShort(USED + 2);
    if (usedIdx == 0) {
      observations.add("virtio-blk read of sector 0: no used buffer within "
          + WireSocket.seconds(timeoutMs));
      return false;
    }
    int id = memory.getInt(USED + 4);
    int len = memory.getInt(USED + 8);
    int status = memory.getByte(STATUS);
    byte[] data = memory.get(DATA, 16);
    observations.add("virtio-blk read of sector 0: status " + status + (status == 0 ? " (ok)"
        : "") + ", used id " + id + ", used length " + len + ", call "
        + (called ? "signalled" : "not signalled") + ", first bytes " + Bytes.hex(data));
    return status == 0 && id == 0;
  }

  private byte[] state(long index, long num) {
    return new PayloadBuilder(layouts, "vring_state", 0).set("index", index).set("num", num)
        .bytes();
  }

  private byte[] u64(long value) {
    return new PayloadBuilder(layouts, "u64_value", 0).set("value", value).bytes();
  }

  /** Sends a request whose entry always replies and returns the reply. */
  private WireMessage call(String name, byte[] payload, FileDescriptor... fds)
      throws WireException, IOException {
    Message entry = message(name);
    write(entry, 1, payload, fds);
    return awaitReply(entry);
  }

  /** Sends a request; with {@code ask}, sets NEED_REPLY and waits for the status. */
  private void send(String name, byte[] payload, boolean ask, FileDescriptor... fds)
      throws WireException, IOException {
    Message entry = message(name);
    write(entry, ask ? 1 | WireMessage.NEED_REPLY : 1, payload, fds);
    if (ask) {
      WireMessage reply = awaitReply(entry);
      if (reply.size() == 8 && reply.unsigned(0, 8) != 0) {
        observations.add(name + " failed with status " + reply.unsigned(0, 8));
      }
    }
  }

  private void write(Message entry, long flags, byte[] payload, FileDescriptor... fds)
      throws IOException, WireException {
    double time = (System.nanoTime() - session.origin()) / 1e6;
    session.record(new WireMessage(time, Channel.MAIN, Flow.FRONT_TO_BACK, entry.id(), flags,
        payload.length, fds.length, payload, 0));
    try {
      socket.write(entry.id(), flags, payload, fds);
    } catch (IOException e) {
      throw new WireException(WireException.Kind.PEER, "the back-end closed the connection"
          + " before " + entry.name() + " could be sent (" + e.getMessage() + ")");
    }
  }

  private WireMessage awaitReply(Message entry) throws WireException, IOException {
    WireSocket.Received r = socket.read(Channel.MAIN, Flow.BACK_TO_FRONT, session.origin(),
        timeoutMs, timeoutMs);
    if (r == null) {
      throw new WireException(WireException.Kind.PEER, socket.idle()
          ? "the back-end sent no reply to " + entry.name() + " within "
              + WireSocket.seconds(timeoutMs)
          : "the back-end closed the connection instead of replying to " + entry.name());
    }
    WireSocket.closeAll(r.fds());
    session.record(r.message());
    return r.message();
  }

  private Message message(String name) {
    return registry.frontEnd().messages().stream().filter(m -> m.name().equals(name))
        .findFirst().orElseThrow(() -> new IllegalStateException("no message " + name));
  }

  private long virtioBit(String name) {
    return bit(registry.virtioFeatures().features(), name);
  }

  private long protocolBit(String name) {
    return bit(registry.protocolFeatures().features(), name);
  }

  private static long bit(List<Feature> features, String name) {
    return features.stream().filter(f -> f.name().equals(name)).map(Feature::bit).findFirst()
        .orElse(-1L);
  }

  /** The bits of the {@code wanted} features that {@code offered} has. */
  private static long accept(long offered, List<String> wanted,
      java.util.function.ToLongFunction<String> bitOf) {
    long ack = 0;
    for (String name : wanted) {
      long bit = bitOf.applyAsLong(name);
      if (has(offered, bit)) {
        ack |= 1L << bit;
      }
    }
    return ack;
  }

  private static boolean has(long bits, long bit) {
    return bit >= 0 && bit < 64 && (bits & (1L << bit)) != 0;
  }

  /** The names of the features whose bits are set, and the unknown bits as numbers. */
  private static List<String> names(List<Feature> features, long bits) {
    List<String> out = new ArrayList<>();
    long known = 0;
    for (Feature f : features) {
      if (f.bit() != null && has(bits, f.bit())) {
        out.add(f.name());
        known |= 1L << f.bit();
      }
    }
    for (int bit = 0; bit < 64; bit++) {
      if (has(bits & ~known, bit)) {
        out.add("bit " + bit);
      }
    }
    return out;
  }

  /** The optional messages the offered protocol features make available. */
  public static List<String> enabledBy(Registry registry, List<String> protocolFeatures) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Feature f : registry.protocolFeatures().features()) {
      if (protocolFeatures.contains(f.name())) {
        f.enables().stream().map(Ref::name).forEach(out::add);
      }
    }
    return List.copyOf(out);
  }

}
