package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vhost-spec conform} on implementation sources the tests write, in C and in Rust. */
class ConformCommandTest {
  static final String REGISTRY = "../../spec/registry";

  /** A header in the old style: MASTER/SLAVE names, a message missing, a feature renumbered. */
  static final String OLD_HEADER = """
      /* vhost-user constants as an implementation wrote them before the rename */
      typedef enum VhostUserRequest {
          VHOST_USER_NONE = 0,
          VHOST_USER_GET_FEATURES = 1,
          VHOST_USER_SET_FEATURES,
          VHOST_USER_SET_OWNER,
          VHOST_USER_RESET_OWNER,
          VHOST_USER_SET_MEM_TABLE,
          VHOST_USER_SET_SLAVE_REQ_FD = 21,
          VHOST_USER_MAX
      } VhostUserRequest;

      typedef enum VhostUserSlaveRequest {
          VHOST_USER_SLAVE_NONE = 0,
          VHOST_USER_SLAVE_IOTLB_MSG = 1,
          VHOST_USER_SLAVE_CONFIG_CHANGE_MSG = 2,
          VHOST_USER_SLAVE_MAX
      } VhostUserSlaveRequest;

      #define VHOST_USER_PROTOCOL_F_MQ 0
      #define VHOST_USER_PROTOCOL_F_SLAVE_REQ 5
      #define VHOST_USER_PROTOCOL_F_STATUS 17 /* the spec gives 16 */
      #define VHOST_USER_REPLY_MASK (0x1 << 2)
      """;

  /** Rust in the style of the rust-vmm crate, with one request the specification lacks. */
  static final String RUST_SOURCE = """
      #[repr(u32)]
      pub enum FrontendReq {
          NOOP = 0,
          GET_FEATURES = 1,
          SET_FEATURES = 2,
          /// not in the specification
          SET_FROBNICATOR = 77,
      }

      bitflags! {
          pub struct VhostUserProtocolFeatures: u64 {
              const MQ = 0x0000_0001;
              const LOG_SHMFD = 1 << 1;
              const MTU = 0x0000_0010;
              const BACKEND_REQ = 1 << 5;
          }
      }
      """;

  @TempDir Path temp;

  @Test
  void anOldStyleHeaderIsMatchedThroughPreviousNamesAndItsRenumberingFails() throws IOException {
    Path header = Files.writeString(temp.resolve("old.h"), OLD_HEADER);
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--registry", REGISTRY,
        header.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains(
        header + ":22: error: number differs: VHOST_USER_PROTOCOL_F_STATUS gives protocol feature"
            + " VHOST_USER_PROTOCOL_F_STATUS bit 17; the specification gives 16\n",
        header + ":9: spelling: VhostUserRequest::VHOST_USER_SET_SLAVE_REQ_FD is the previous"
            + " name of VHOST_USER_SET_BACKEND_REQ_FD\n",
        header + ":15: spelling: VhostUserSlaveRequest::VHOST_USER_SLAVE_IOTLB_MSG is the"
            + " previous name of VHOST_USER_BACKEND_IOTLB_MSG\n",
        header + ":21: spelling: VHOST_USER_PROTOCOL_F_SLAVE_REQ is the previous name of"
            + " VHOST_USER_PROTOCOL_F_BACKEND_REQ\n",
        "missing: front-end message VHOST_USER_SET_LOG_BASE (id 6) is not defined\n",
        "missing: back-end message VHOST_USER_BACKEND_VRING_CALL (id 4) is not defined\n");
    assertThat(run.out()).doesNotContain("VHOST_USER_NONE", "VHOST_USER_MAX",
        "missing: front-end message VHOST_USER_SET_OWNER");
  }

  @Test
  void missingEntriesAloneAreReportedButFailOnlyWithStrict() throws IOException {
    Path header = Files.writeString(temp.resolve("few.h"),
        "enum vhost_user_request { VHOST_USER_GET_FEATURES = 1, VHOST_USER_SET_FEATURES = 2 };\n");
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--registry", REGISTRY,
        header.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("missing: front-end message VHOST_USER_SET_OWNER (id 3)");

    CommandRun strict = CommandRun.of("conform", "--lang", "c", "--strict", "--registry",
        REGISTRY, header.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
  }

  @Test
  void aRustEnumWithAnExtraVariantAndBitflagMasks() throws IOException {
    Path source = Files.writeString(temp.resolve("message.rs"), RUST_SOURCE);
    CommandRun run = CommandRun.of("conform", "--lang", "rust", "--registry", REGISTRY,
        source.toString());

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(
        source + ":7: extra: FrontendReq::SET_FROBNICATOR = 77 matches no front-end message of"
            + " the specification\n",
        source + ":14: spelling: VhostUserProtocolFeatures::MTU is a previous name of"
            + " VHOST_USER_PROTOCOL_F_NET_MTU\n");
    assertThat(run.out()).doesNotContain("NOOP", "number differs",
        "VHOST_USER_PROTOCOL_F_MQ (bit 0) is not defined",
        "VHOST_USER_PROTOCOL_F_BACKEND_REQ (bit 5) is not defined");
  }

  @Test
  void aMappingFileNamesWhatTheMatcherCannotGuess() throws IOException {
    Path source = Files.writeString(temp.resolve("odd.h"),
        "#define OUR_FEATURE_WORDS 1\n#define OUR_RING_COUNT_QUERY 17\n");
    Path map = Files.writeString(temp.resolve("names.map"), """
        # our name = the specification's name
        OUR_FEATURE_WORDS = VHOST_USER_GET_FEATURES
        OUR_RING_COUNT_QUERY = VHOST_USER_GET_QUEUE_NUM
        """);
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--map", map.toString(),
        "--registry", REGISTRY, source.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(
        source + ":1: spelling: OUR_FEATURE_WORDS is mapped by --map to VHOST_USER_GET_FEATURES",
        source + ":2: spelling: OUR_RING_COUNT_QUERY is mapped by --map to VHOST_USER_GET_QUEUE_NUM");
  }

  @Test
  void aMalformedMappingLineIsAPositionedError() throws IOException {
    Path source = Files.writeString(temp.resolve("a.h"), "#define X 1\n");
    Path map = Files.writeString(temp.resolve("bad.map"), "# fine\nNO_EQUALS_SIGN_HERE\n");
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--map", map.toString(),
        "--registry", REGISTRY, source.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(map + ":2:1: error: expected IMPLEMENTATION_NAME ="
        + " REGISTRY_NAME, found 'NO_EQUALS_SIGN_HERE' [bad-mapping]\n");
  }

  @Test
  void markdownAndJsonReports() throws IOException {
    Path header = Files.writeString(temp.resolve("old.h"), OLD_HEADER);
    CommandRun markdown = CommandRun.of("conform", "--lang", "c", "--format", "markdown",
        "--registry", REGISTRY, header.toString());
    assertThat(markdown.out()).startsWith("## vhost-user conformance\n\n")
        .contains("### Numbers that differ from the specification (1)\n",
            "| `" + header + ":22` | `VHOST_USER_PROTOCOL_F_STATUS` | "
                + "`VHOST_USER_PROTOCOL_F_STATUS` = 17 | 16 |");

    CommandRun json = CommandRun.of("conform", "--lang", "c", "--format", "json", "--registry",
        REGISTRY, header.toString());
    assertThat(json.out()).contains("\"kind\": \"number-differs\"", "\"expected\": 16",
        "\"actual\": 17", "\"line\": 22");
  }

  @Test
  void aMissingSourceFileIsOneCleanLine() {
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--registry", REGISTRY,
        temp.resolve("nope.h").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vhost-spec: no source file at " + temp.resolve("nope.h") + "\n");
  }
}
