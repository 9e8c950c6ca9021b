package org.vhostuser.spec.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.Quirks;
import org.vhostuser.spec.registry.Registry;

/**
 * The wire tools against real QEMU from Debian's packages, with the real registry: probe against
 * qemu-storage-daemon (libvhost-user), trace record between qemu-system-x86_64 (TCG, its
 * firmware driving the device) and qemu-storage-daemon, and QEMU's vhost-user-net against
 * stub-backend. Each known deviation must show up and be explained by a recorded quirk, and
 * nothing else may break a rule. Unix sockets in a temporary folder, every process stopped by PID.
 */
@Timeout(120)
class QemuPeersTest {
  static final Registry REGISTRY = Talk.real();
  /** The first bytes of the disk image: 0, 1, 2, ... */
  static final String PATTERN = "000102030405060708090a0b0c0d0e0f";

  @TempDir Path temp;
  private Peers peers;
  private Set<String> shmBefore;

  static Stream<Peers.Qemu> qemus() throws Exception {
    return Peers.installed().stream();
  }

  @BeforeEach
  void start() throws IOException {
    peers = new Peers();
    shmBefore = shm();
  }

  @AfterEach
  void stopEverything() throws Exception {
    peers.close();
    assertThat(shm()).as("files left in /dev/shm").isSubsetOf(shmBefore);
  }

  @Test
  void theVersionsTheRegistrySaysAreCheckedAreTheOnesInstalled() throws Exception {
    List<String> installed = qemus().map(Peers.Qemu::version).toList();
    for (Quirks.Checked checked : REGISTRY.quirks().checked()) {
      assertThat(installed).as(checked.implementation() + " versions listed in quirks.yaml")
          .containsExactlyInAnyOrderElementsOf(checked.versions());
    }
    assertThat(REGISTRY.quirks().checked()).extracting(Quirks.Checked::implementation)
        .containsExactlyInAnyOrder("qemu", "libvhost-user");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qemus")
  void probeReadsASectorFromQemuStorageDaemon(Peers.Qemu qemu) throws Exception {
    Path socket = storageDaemon(qemu);
    Path out = temp.resolve("probe.jsonl");
    Probe.Result result;
    try (Session session = new Session(REGISTRY, Map.of(), out, null)) {
      result = Probe.run(REGISTRY, session, socket, Probe.Device.BLK, 5000);
    }

    assertThat(result.readOk()).isTrue();
    assertThat(result.observations()).anyMatch(o -> o.contains("first bytes " + PATTERN));
    assertThat(result.protocolOffered()).contains("VHOST_USER_PROTOCOL_F_REPLY_ACK",
        "VHOST_USER_PROTOCOL_F_LOG_SHMFD", "VHOST_USER_PROTOCOL_F_CONFIG");
    assertThat(result.supported()).contains("VHOST_USER_GET_CONFIG", "VHOST_USER_SET_LOG_BASE");
    // libvhost-user answers SET_LOG_BASE with 8 bytes where the registry defines no body.
    List<Finding> plain = check(out, Map.of());
    assertThat(plain).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("migration-log-base-reply-body");
      assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
      assertThat(f.messageName()).isEqualTo("VHOST_USER_SET_LOG_BASE");
      assertThat(f.side()).isEqualTo(Direction.BACK_END);
    });
    assertThat(check(out, Map.of("libvhost-user", qemu.version())))
        .allMatch(f -> f.level() == Finding.Level.NOTE).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qemus")
  void recordsQemuDrivingABlockDeviceOfQemuStorageDaemon(Peers.Qemu qemu) throws Exception {
    Path backend = storageDaemon(qemu);
    Path listen = temp.resolve("front.sock");
    Path out = temp.resolve("record.jsonl");
    Recorder[] handle = new Recorder[1];
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (Session session = new Session(REGISTRY, Map.of(), out, null)) {
      Thread recorder = new Thread(() -> {
        try {
          Recorder.run(REGISTRY, session, listen, backend, 20_000, 5000, handle);
        } catch (Exception e) {
          failure.set(e);
        }
      });
      recorder.start();
      Peers.awaitSocket(listen, null, null, 20_000);
      Process front = startQemu(qemu, listen, "vhost-user-blk-pci,chardev=vu,addr=04", null);
      // The firmware (SeaBIOS) finds the disk, starts the device and reads from it.
      awaitMessage(session, front, m -> "VHOST_USER_SET_VRING_KICK".equals(name(m)));
      Thread.sleep(500);
      Peers.stop(front);
      recorder.join(20_000);
      if (handle[0] != null) {
        handle[0].stop("test over");
      }
      assertThat(failure.get()).isNull();
      assertThat(recorder.isAlive()).isFalse();
    }

    List<WireMessage> messages = Transcript.read(out).messages();
    assertThat(names(messages)).contains("VHOST_USER_SET_BACKEND_REQ_FD",
        "VHOST_USER_SET_OWNER", "VHOST_USER_SET_VRING_KICK", "VHOST_USER_GET_VRING_BASE");
    WireMessage handover = messages.stream()
        .filter(m -> "VHOST_USER_SET_BACKEND_REQ_FD".equals(name(m))).findFirst().orElseThrow();
    assertThat(handover.fds()).isEqualTo(1);
    // The back-end accepted the recorder's channel: a zero status in reply.
    assertThat(messages.stream().filter(m -> m.isReply() && m.request() == handover.request())
        .map(m -> m.unsigned(0, 8))).containsExactly(0L);
    // The firmware's reads went through the forwarded memory and notifiers: the ring stopped at
    // a base above zero.
    assertThat(messages.stream().filter(m -> m.isReply()
        && "VHOST_USER_GET_VRING_BASE".equals(name(m))).map(m -> m.unsigned(4, 4)))
        .isNotEmpty().allMatch(base -> base > 0);
    assertThat(check(out, Map.of("qemu", qemu.version(), "libvhost-user", qemu.version())))
        .noneMatch(f -> f.level() != Finding.Level.NOTE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qemus")
  void qemuVhostUserNetEnablesRingsOnTheOfferOfProtocolFeatures(Peers.Qemu qemu)
      throws Exception {
    Path listen = temp.resolve("net.sock");
    Path out = temp.resolve("net.jsonl");
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (Session session = new Session(REGISTRY, Map.of(), out, null)) {
      var server = WireSocket.listen(listen);
      Process front = startQemu(qemu, listen, null, "virtio-net-pci,netdev=n0,addr=05");
      Thread stub = new Thread(() -> {
        try (WireSocket socket = WireSocket.accept(server, 20_000, "front-end")) {
          StubBackend.serve(REGISTRY, session, socket,
              mask(true, "VIRTIO_F_VERSION_1", "VHOST_USER_F_PROTOCOL_FEATURES"),
              mask(false, "VHOST_USER_PROTOCOL_F_MQ", "VHOST_USER_PROTOCOL_F_REPLY_ACK"), 2,
              20_000);
        } catch (Exception e) {
          failure.set(e);
        }
      });
      stub.start();
      awaitMessage(session, front, m -> "VHOST_USER_SET_VRING_KICK".equals(name(m)));
      Peers.stop(front);
      stub.join(20_000);
      server.close();
      assertThat(failure.get()).isNull();
    }

    // virtio-net enables rings before any SET_FEATURES accepts VHOST_USER_F_PROTOCOL_FEATURES,
    // which the specification allows (the offer is enough on the wire): no rule is broken.
    List<String> names = names(Transcript.read(out).messages());
    assertThat(names).contains("VHOST_USER_SET_VRING_ENABLE", "VHOST_USER_SET_FEATURES");
    assertThat(names.indexOf("VHOST_USER_SET_VRING_ENABLE"))
        .isLessThan(names.indexOf("VHOST_USER_SET_FEATURES"));
    assertThat(check(out, Map.of())).isEmpty();
  }

  private Path storageDaemon(Peers.Qemu qemu) throws Exception {
    Path image = temp.resolve("disk.img");
    byte[] bytes = new byte[1 << 20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    Files.write(image, bytes);
    Path socket = temp.resolve("qsd.sock");
    Path log = temp.resolve("qsd.log");
    Process p = peers.start(log, List.of(qemu.storageDaemon().toString(),
        "--blockdev", "driver=file,node-name=disk,filename=" + image,
        "--export", "type=vhost-user-blk,id=exp,node-name=disk,addr.type=unix,addr.path="
            + socket + ",writable=off"));
    Peers.awaitSocket(socket, p, log, 20_000);
    return socket;
  }

  private Process startQemu(Peers.Qemu qemu, Path socket, String blk, String net)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(qemu.system().toString()));
    command.addAll(qemu.firmware());
    command.addAll(List.of("-accel", "tcg", "-machine", "pc", "-nodefaults", "-display", "none",
        "-serial", "none", "-monitor", "none", "-m", "64M",
        "-object", "memory-backend-memfd,id=mem,size=64M,share=on",
        "-machine", "memory-backend=mem",
        "-chardev", "socket,id=vu,path=" + socket));
    if (blk != null) {
      command.addAll(List.of("-device", blk));
    }
    if (net != null) {
      command.addAll(List.of("-netdev", "vhost-user,id=n0,chardev=vu", "-device", net));
    }
    return peers.start(temp.resolve("qemu.log"), command);
  }

  private void awaitMessage(Session session, Process front, Predicate<WireMessage> wanted)
      throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (session.messagesSeen().stream().noneMatch(wanted)) {
      if (System.nanoTime() > deadline || !front.isAlive()) {
        throw new AssertionError("the expected message did not come; QEMU log: "
            + Files.readString(temp.resolve("qemu.log")) + "; seen: "
            + names(session.messagesSeen()));
      }
      Thread.sleep(20);
    }
  }

  private static List<Finding> check(Path transcript, Map<String, String> implementations)
      throws IOException {
    TraceCheck.FileResult result = TraceCheck.run(REGISTRY, List.of(transcript),
        implementations).get(0);
    assertThat(result.problems()).isEmpty();
    return result.findings();
  }

  private static String name(WireMessage m) {
    return new Checker(REGISTRY, Map.of()).nameOf(m);
  }

  private static List<String> names(List<WireMessage> messages) {
    return messages.stream().map(QemuPeersTest::name).toList();
  }

  private static long mask(boolean virtio, String... names) {
    return StubBackend.mask(virtio ? REGISTRY.virtioFeatures().features()
        : REGISTRY.protocolFeatures().features(), List.of(names));
  }

  private static Set<String> shm() throws IOException {
    Path dir = Path.of("/dev/shm");
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(
          java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
