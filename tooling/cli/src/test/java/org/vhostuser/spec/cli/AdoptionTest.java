package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * conform against real implementation headers that Debian ships (DPDK's rte_vhost.h from
 * libdpdk-dev, the kernel's vhost and virtio headers from linux-libc-dev) reports only true
 * differences; and every profile's generated file conforms to the registry it came from. The
 * real registry changes, so only properties are asserted, never counts.
 */
class AdoptionTest {
  static final String REGISTRY = "../../spec/registry";
  static final Path DPDK = Path.of("/usr/include/dpdk/rte_vhost.h");

  @TempDir Path temp;

  @Test
  void debiansDpdkHeaderShowsNoFalseDifference() {
    assertThat(DPDK).as("libdpdk-dev must be installed (.ci/run does)").isRegularFile();
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--registry", REGISTRY,
        DPDK.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).doesNotContain("number differs", "extra:", "limit differs")
        .doesNotContain("rte_vhost_msg_result", "RTE_VHOST_USER_")
        .contains("spelling: VHOST_USER_PROTOCOL_F_SLAVE_REQ is the previous name of"
            + " VHOST_USER_PROTOCOL_F_BACKEND_REQ");
    assertThat(run.out().lines().filter(l -> l.contains("spelling:")))
        .allMatch(l -> l.contains("previous name"));
  }

  @Test
  void theKernelHeadersShowNoFalseDifference() {
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--registry", REGISTRY,
        "/usr/include/linux/vhost_types.h", "/usr/include/linux/virtio_config.h");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).doesNotContain("number differs", "extra:", "limit differs",
        "missing: virtio feature");
  }

  @ParameterizedTest
  @CsvSource({"default,c", "default,rust", "qemu,c", "dpdk,c", "rust-vmm,rust", "crosvm,rust"})
  void everyProfilesOutputConformsToItsRegistry(String profile, String lang) throws Exception {
    CommandRun generate = CommandRun.of("generate", "--profile", profile, "--lang", lang,
        "--registry", REGISTRY, "--out", temp.toString());
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    Path file;
    try (var listing = Files.list(temp)) {
      file = listing.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(Outputs.MARKER)).findFirst()
          .orElseThrow();
    }
    CommandRun run = CommandRun.of("conform", "--lang", lang, "--registry", REGISTRY,
        file.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).doesNotContain("number differs", "missing:", "extra:",
        "limit differs");
    if (!profile.equals("dpdk") && !profile.equals("rust-vmm") && !profile.equals("crosvm")) {
      assertThat(run.out()).doesNotContain("spelling:");
    }
  }
}
