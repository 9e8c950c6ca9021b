package org.vhostuser.spec.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The QEMU installations the real-peer tests run: Debian's packages on the PATH (.ci/run installs
 * QEMU 10.0 from bookworm-backports) and QEMU 7.2 unpacked by .ci/run into build/peers/qemu-7.2.
 * Every process a test starts is stopped by its PID when the test ends, also on failure.
 */
final class Peers implements AutoCloseable {
  static final Path PRIVATE_72 = Path.of("../../build/peers/qemu-7.2");
  private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.(\\d+)");

  /** One QEMU: where its programs are and the firmware folders it must be told about. */
  record Qemu(String version, Path bin, List<String> firmware) {
    Path system() {
      return bin.resolve("qemu-system-x86_64");
    }

    Path storageDaemon() {
      return bin.resolve("qemu-storage-daemon");
    }

    @Override
    public String toString() {
      return "QEMU " + version;
    }
  }

  private final List<Process> started = new ArrayList<>();

  /** Every installation found, oldest first. */
  static List<Qemu> installed() throws IOException, InterruptedException {
    List<Qemu> found = new ArrayList<>();
    Path privateBin = PRIVATE_72.resolve("usr/bin").toAbsolutePath().normalize();
    if (Files.isExecutable(privateBin.resolve("qemu-system-x86_64"))) {
      found.add(new Qemu(version(privateBin), privateBin, List.of("-L",
          PRIVATE_72.resolve("usr/share/qemu").toAbsolutePath().normalize().toString(),
          "-L", "/usr/share/seabios", "-L", "/usr/lib/ipxe/qemu")));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path bin = Path.of(dir);
      if (Files.isExecutable(bin.resolve("qemu-system-x86_64"))
          && Files.isExecutable(bin.resolve("qemu-storage-daemon"))) {
        found.add(new Qemu(version(bin), bin, List.of()));
        break;
      }
    }
    found.sort((a, b) -> org.vhostuser.spec.registry.Quirk.Versions.compare(a.version(),
        b.version()));
    return found;
  }

  private static String version(Path bin) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(bin.resolve("qemu-system-x86_64").toString(), "--version")
        .redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    Matcher m = VERSION.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(bin + ": cannot read the version from: " + text);
    }
    return m.group(1) + "." + m.group(2);
  }

  /** Starts a program with its output in {@code log}; it is stopped when this closes. */
  Process start(Path log, List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    started.add(p);
    return p;
  }

  /** Stops one process by its PID: SIGTERM, then SIGKILL after five seconds. */
  static void stop(Process p) throws InterruptedException {
    if (!p.isAlive()) {
      return;
    }
    p.destroy();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** Waits up to {@code ms} for a socket file to appear. */
  static void awaitSocket(Path path, Process owner, Path log, long ms)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + ms * 1_000_000L;
    while (!Files.exists(path)) {
      if (System.nanoTime() > deadline || (owner != null && !owner.isAlive())) {
        throw new IllegalStateException("no socket at " + path + (log == null ? ""
            : "; log: " + Files.readString(log)));
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : started) {
      stop(p);
    }
  }
}
