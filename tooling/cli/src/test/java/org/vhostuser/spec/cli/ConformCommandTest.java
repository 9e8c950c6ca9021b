package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  // Inputs of every kind: each gives one positioned line and its exact exit code.

  @Test
  void aLatin1ByteInACommentIsAWarningAndTheFileIsStillRead() throws IOException {
    Path header = temp.resolve("latin1.h");
    Files.write(header, "/* caf\u00e9 */\n#define VHOST_USER_PROTOCOL_F_MQ 0\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    CommandRun run = conform("c", header);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo(header + ":1:7: warning: byte 0xe9 is not UTF-8; the file is"
        + " read as Latin-1 [conform-encoding]\n");
    assertThat(run.out()).contains("1 file, 1 constants read, 1 matched the registry");
    assertThat(conform("c", header, "--strict").exitCode()).isEqualTo(1);
  }

  @Test
  void aByteOrderMarkKeepsTheDefinitionOnLineOne() throws IOException {
    Path header = temp.resolve("bom.h");
    Files.write(header, ("\uFEFF#define VHOST_USER_PROTOCOL_F_MQ 5\n")
        .getBytes(StandardCharsets.UTF_8));
    CommandRun run = conform("c", header);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith(header + ":1: error: number differs:"
        + " VHOST_USER_PROTOCOL_F_MQ gives protocol feature VHOST_USER_PROTOCOL_F_MQ bit 5;");
  }

  @Test
  void binaryDataIsAnErrorAtItsPosition() throws IOException {
    Path binary = temp.resolve("blob.h");
    Files.write(binary, new byte[] {'#', '\n', 'a', 'b', 0, 1, 2});
    CommandRun run = conform("c", binary);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(binary + ":2:3: error: binary data (a NUL byte); not source"
        + " text, not read [conform-input]\n");
    assertThat(run.hasNoStackTrace()).isTrue();
  }

  @Test
  void anEmptyOrForeignFileIsAWarningThatStrictTurnsIntoAFailure() throws IOException {
    Path empty = Files.writeString(temp.resolve("empty.h"), "");
    CommandRun run = conform("c", empty);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo(empty + ":1:1: warning: no vhost-user constant found (0"
        + " constants read); is this the implementation's header, and is --lang c right?"
        + " [conform-nothing-found]\n");
    assertThat(conform("c", empty, "--strict").exitCode()).isEqualTo(1);

    Path c = Files.writeString(temp.resolve("defines.h"), "#define VHOST_USER_PROTOCOL_F_MQ 0\n");
    CommandRun wrongLanguage = conform("rust", c, "--strict");
    assertThat(wrongLanguage.exitCode()).isEqualTo(1);
    assertThat(wrongLanguage.err()).contains("[conform-nothing-found]");
  }

  @Test
  void aDeviceOrFolderIsOneLineAndExitTwo() {
    CommandRun zero = conform("c", Path.of("/dev/zero"));
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).isEqualTo(
        "vhost-spec: /dev/zero is not a regular file; conform reads source files\n");
    CommandRun folder = conform("c", temp);
    assertThat(folder.exitCode()).isEqualTo(2);
  }

  @Test
  void aHugeFileIsRefusedWithoutReadingIt() throws IOException {
    Path huge = temp.resolve("huge.h");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(17L * 1024 * 1024);
    }
    CommandRun run = conform("c", huge);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(huge + ":1:1: error: larger than 16 MiB; not an"
        + " implementation source, not read [conform-input]\n");
  }

  @Test
  void deeplyNestedExpressionsAreAPositionedErrorNotAStackOverflow() throws IOException {
    Path c = Files.writeString(temp.resolve("deep.h"), "#define VHOST_USER_PROTOCOL_F_MQ "
        + "(".repeat(20_000) + "0" + ")".repeat(20_000) + "\n");
    CommandRun run = conform("c", c);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(c + ":1:34: error: the value of VHOST_USER_PROTOCOL_F_MQ"
        + " cannot be read (nested deeper than 64 levels); it is not compared"
        + " [conform-unreadable]\n");

    Path rust = Files.writeString(temp.resolve("deep.rs"), "bitflags! {\n"
        + "    pub struct VhostUserProtocolFeatures: u64 {\n        const MQ = "
        + "!".repeat(20_000) + "0;\n    }\n}\n" + "{".repeat(50_000) + "}".repeat(50_000) + "\n");
    CommandRun rustRun = conform("rust", rust);
    assertThat(rustRun.exitCode()).isEqualTo(1);
    assertThat(rustRun.err()).isEqualTo(rust + ":3:20: error: the value of"
        + " VhostUserProtocolFeatures::MQ cannot be read (nested deeper than 64 levels); it is"
        + " not compared [conform-unreadable]\n");
    assertThat(rustRun.hasNoStackTrace()).isTrue();
  }

  @Test
  void aLongContinuedDefineIsReadWithoutRecursion() throws IOException {
    Path c = Files.writeString(temp.resolve("long.h"), "#define VHOST_USER_PROTOCOL_F_MQ 0"
        + " \\\n+ 0".repeat(100_000) + "\n");
    CommandRun run = conform("c", c);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1 matched the registry: 0 with another number");
  }

  @Test
  void numbersThatCannotBeReadAreReportedNotSkipped() throws IOException {
    Path header = Files.writeString(temp.resolve("unread.h"), """
        #define VHOST_USER_PROTOCOL_F_MQ sizeof(int)
        #define VHOST_USER_PROTOCOL_F_LOG_SHMFD 0x1ffffffffffffffffff
        #define OUR_OWN_THING sizeof(long)
        enum VhostUserRequest { VHOST_USER_GET_FEATURES = OTHER + 1, VHOST_USER_SET_FEATURES };
        """);
    CommandRun run = conform("c", header);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        header + ":1:34: error: the value of VHOST_USER_PROTOCOL_F_MQ cannot be read ('sizeof'"
            + " is not a constant defined before); it is not compared [conform-unreadable]\n"
        + header + ":2:41: error: the value of VHOST_USER_PROTOCOL_F_LOG_SHMFD cannot be read"
            + " (the number 0x1ffffffffffffffffff does not fit in 64 bits); it is not compared"
            + " [conform-unreadable]\n"
        + header + ":4:51: error: the value of VhostUserRequest::VHOST_USER_GET_FEATURES cannot"
            + " be read ('OTHER' is not a constant defined before); it is not compared"
            + " [conform-unreadable]\n"
        + header + ":4:62: error: the value of VhostUserRequest::VHOST_USER_SET_FEATURES cannot"
            + " be read (it follows a member whose value could not be read); it is not compared"
            + " [conform-unreadable]\n");
  }

  @Test
  void aMappingToAnUnknownEntryIsAnError() throws IOException {
    Path source = Files.writeString(temp.resolve("a.h"), "#define OURS 1\n");
    Path map = Files.writeString(temp.resolve("typo.map"), "# ours\nOURS = VHOST_USER_GET_FEATUERS\n");
    CommandRun run = CommandRun.of("conform", "--lang", "c", "--map", map.toString(),
        "--registry", REGISTRY, source.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(map + ":2:1: error: 'VHOST_USER_GET_FEATUERS' is no entry of"
        + " the specification; did you mean 'VHOST_USER_GET_FEATURES'? [bad-mapping]\n");
  }

  // True differences only: what QEMU, rust-vmm and crosvm define that is not drift.

  @Test
  void qemuShapedDefinitionsGiveNoFalseExtras() throws IOException {
    Path header = Files.writeString(temp.resolve("qemu.h"), """
        #define VHOST_MEMORY_BASELINE_NREGIONS    8
        #define VHOST_USER_F_PROTOCOL_FEATURES 30
        #define VHOST_USER_BACKEND_MAX_FDS     8
        #define VHOST_USER_MAX_CONFIG_SIZE 256
        typedef enum VhostBackendType {
            VHOST_BACKEND_TYPE_NONE = 0,
            VHOST_BACKEND_TYPE_KERNEL = 1,
            VHOST_BACKEND_TYPE_MAX = 2,
        } VhostBackendType;
        typedef enum VhostSetConfigType {
            VHOST_SET_CONFIG_TYPE_FRONTEND = 0,
            VHOST_SET_CONFIG_TYPE_MIGRATION = 1,
        } VhostSetConfigType;
        #define VHOST_USER_VERSION_MASK     (0x3)
        #define VHOST_USER_REPLY_MASK       (0x1 << 2)
        #define VHOST_USER_NEED_REPLY_MASK  (0x1 << 3)
        #define VHOST_USER_PROTOCOL_FEATURE_MASK ((1 << VHOST_USER_PROTOCOL_F_MAX) - 1)
        #define VHOST_USER_HDR_SIZE offsetof(VhostUserMsg, payload.u64)
        """);
    CommandRun run = conform("c", header, "--strict");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).doesNotContain("extra:", "virtio feature", "limit differs")
        .contains("0 with another number, 0 with another limit, 0 missing, 0 extra");
  }

  @Test
  void rustVmmShapedSetsAreComparedAndTheDriftReadsFirst() throws IOException {
    Path source = Files.writeString(temp.resolve("message.rs"), """
        pub const MAX_ATTACHED_FD_ENTRIES: usize = 32;
        bitflags! {
            pub struct VhostUserHeaderFlag: u32 {
                const VERSION = 0x3;
                const REPLY = 0x4;
                const NEED_REPLY = 0x8;
                const ALL_FLAGS = 0xc;
                const RESERVED_BITS = !0xf;
            }
        }
        bitflags! {
            pub struct VhostUserVirtioFeatures: u64 {
                const LOG_ALL = 0x400_0000;
                const PROTOCOL_FEATURES = 0x4000_0000;
            }
        }
        bitflags! {
            pub struct VhostUserConfigFlags: u32 {
                const WRITABLE = 0x1;
                const LIVE_MIGRATION = 0x2;
            }
        }
        bitflags! {
            pub struct VhostUserProtocolFeatures: u64 {
                const MQ = 0x0000_0001;
            }
        }
        """);
    CommandRun run = conform("rust", source);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    String out = run.out();
    assertThat(out).contains(
        source + ":20: error: number differs: VhostUserConfigFlags::LIVE_MIGRATION gives enum"
            + " member VHOST_SET_CONFIG_TYPE_MIGRATION value 2; the specification gives 1\n",
        source + ":1: limit differs: MAX_ATTACHED_FD_ENTRIES gives limit VHOST_USER_MAX_FDS"
            + " value 32; the specification gives 8\n",
        "missing: enum member VHOST_SET_CONFIG_TYPE_FRONTEND (value 0) is not defined\n",
        source + ":19: extra: VhostUserConfigFlags::WRITABLE = 1 matches no member of enum"
            + " config_flags of the specification\n");
    // Its virtio set holds only vhost's own two bits; the VIRTIO bits come from virtio-bindings.
    assertThat(out).doesNotContain("LOG_ALL = ", "PROTOCOL_FEATURES = ", "ALL_FLAGS",
        "RESERVED_BITS", "header flag", "virtio feature");
    assertThat(out.indexOf("number differs")).isLessThan(out.indexOf("limit differs"));
    assertThat(out.indexOf("limit differs")).isLessThan(out.indexOf("missing: protocol"));
    assertThat(out.indexOf("missing: protocol")).isLessThan(out.indexOf("missing: enum member"));
    assertThat(out.indexOf("missing: enum member")).isLessThan(out.indexOf("extra:"));
  }

  @Test
  void aVirtioSetWithAVirtioBitIsExpectedToHoldTheOthers() throws IOException {
    Path source = Files.writeString(temp.resolve("features.rs"), """
        bitflags! {
            pub struct VhostUserVirtioFeatures: u64 {
                const VERSION_1 = 1 << 32;
                const LOG_ALL = 1 << 26;
            }
        }
        bitflags! {
            pub struct VhostUserConfigFlags: u32 {
                const WRITABLE = 0x1;
            }
        }
        """);
    CommandRun run = conform("rust", source);
    assertThat(run.err()).isEmpty();
    String out = run.out();
    assertThat(out).contains(
        "missing: virtio feature VIRTIO_F_RING_PACKED (bit 34) is not defined\n",
        "missing: virtio feature VHOST_USER_F_PROTOCOL_FEATURES (bit 30) is not defined\n")
        .doesNotContain("VIRTIO_F_VERSION_1 (bit 32)", "VHOST_F_LOG_ALL (bit 26)");
    assertThat(out.indexOf("missing: enum member")).isLessThan(out.indexOf("missing: virtio"));
    assertThat(out.indexOf("missing: virtio")).isLessThan(out.indexOf("extra:"));
  }

  @Test
  void aSetOfVhostsOwnBitsStillMissesTheOtherOwnBit() throws IOException {
    Path source = Files.writeString(temp.resolve("own.rs"), """
        bitflags! {
            pub struct VhostUserVirtioFeatures: u64 {
                const PROTOCOL_FEATURES = 0x4000_0000;
            }
        }
        """);
    CommandRun run = conform("rust", source);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains(
        "missing: virtio feature VHOST_F_LOG_ALL (bit 26) is not defined\n")
        .doesNotContain("VIRTIO_F_");
  }

  @Test
  void aLoneVirtioBitDoesNotMakeEveryOtherVirtioBitMissing() throws IOException {
    Path header = Files.writeString(temp.resolve("lone.h"),
        "#define VHOST_USER_F_PROTOCOL_FEATURES 30\n#define VHOST_VRING_F_LOG 0\n");
    CommandRun run = conform("c", header, "--strict");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("2 matched the registry: 0 with another number");
  }

  private CommandRun conform(String lang, Path file, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("conform", "--lang", lang,
        "--registry", REGISTRY));
    args.addAll(List.of(more));
    args.add(file.toString());
    return CommandRun.of(args.toArray(String[]::new));
  }
}
