package org.vhostuser.spec.rst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.load.InputFiles;

/** The reader on small vhost-user.rst files written for the tests. */
class RstReaderTest {
  static final Path FIXTURES = Path.of("src/test/resources/rst");

  @TempDir Path temp;

  static RstDocument document(String name) throws IOException {
    RstReader.Result result = RstReader.read(FIXTURES.resolve(name));
    assertThat(result.diagnostics()).isEmpty();
    return result.document().orElseThrow();
  }

  @Test
  void readsMessagesOfBothDirectionsWithTheirLines() throws IOException {
    RstDocument doc = document("small.rst");

    assertThat(doc.frontEnd()).extracting(RstMessage::name).containsExactly(
        "VHOST_USER_GET_FEATURES", "VHOST_USER_SET_MEM_TABLE", "VHOST_USER_SET_BACKEND_REQ_FD",
        "VHOST_USER_IOTLB_MSG");
    assertThat(doc.backEnd()).extracting(RstMessage::name).containsExactly(
        "VHOST_USER_BACKEND_IOTLB_MSG", "VHOST_USER_BACKEND_SHARED_OBJECT_LOOKUP");
    assertThat(doc.frontEndLine()).isEqualTo(17);
    assertThat(doc.backEndLine()).isEqualTo(55);

    RstMessage get = doc.frontEnd().get(0);
    assertThat(get).isEqualTo(new RstMessage(Direction.FRONT_END, "VHOST_USER_GET_FEATURES",
        List.of(), 1, "VHOST_GET_FEATURES", null, "u64", 20, 21, 22, 23, 24));
  }

  @Test
  void keepsPreviousNamesPhrasesAndTreatsNotApplicableAsNone() throws IOException {
    RstDocument doc = document("small.rst");
    RstMessage memTable = doc.frontEnd().get(1);
    assertThat(memTable.request()).isEqualTo("multiple memory regions description");
    assertThat(memTable.reply()).isEqualTo("(postcopy only) multiple memory regions description");

    RstMessage backendReq = doc.frontEnd().get(2);
    assertThat(backendReq.previousNames()).containsExactly("VHOST_USER_SET_SLAVE_REQ_FD");
    assertThat(backendReq.ioctl()).isNull();
    assertThat(backendReq.request()).isNull();

    RstMessage iotlb = doc.frontEnd().get(3);
    assertThat(iotlb.ioctl()).as("N/A with an explanation").isNull();
    assertThat(iotlb.request()).isEqualTo("struct vhost_iotlb_msg");
    assertThat(doc.backEnd().get(1).reply()).isEqualTo("dmabuf fd and u64");
  }

  @Test
  void readsTheFeatureDefinesOfTheProtocolFeaturesSectionOnly() throws IOException {
    RstDocument doc = document("small.rst");
    assertThat(doc.features()).containsExactly(
        new RstFeature("VHOST_USER_PROTOCOL_F_MQ", 0, 13),
        new RstFeature("VHOST_USER_PROTOCOL_F_LOG_SHMFD", 1, 14),
        new RstFeature("VHOST_USER_PROTOCOL_F_MTU", 4, 15));
    assertThat(doc.featuresLine()).isEqualTo(8);
    assertThat(doc.entries()).isEqualTo(9);
  }

  @Test
  void readsTheOlderMasterSlaveFormat() throws IOException {
    RstDocument doc = document("old-style.rst");

    RstMessage queues = doc.frontEnd().get(0);
    assertThat(queues.request()).as("master payload of a master message").isNull();
    assertThat(queues.reply()).isEqualTo("u64");
    RstMessage num = doc.frontEnd().get(1);
    assertThat(num.request()).as("wrapped value").isEqualTo("vring state description");
    assertThat(num.ioctl()).isEqualTo("VHOST_SET_VRING_NUM");

    RstMessage miss = doc.backEnd().get(0);
    assertThat(miss.name()).isEqualTo("VHOST_USER_SLAVE_IOTLB_MSG");
    assertThat(miss.request()).as("slave payload of a slave message")
        .isEqualTo("struct vhost_iotlb_msg");
    assertThat(miss.reply()).isNull();
    assertThat(doc.features()).extracting(RstFeature::name)
        .containsExactly("VHOST_USER_PROTOCOL_F_MQ", "VHOST_USER_PROTOCOL_F_SLAVE_REQ");
  }

  @Test
  void aFileWithoutMessageSectionsIsNotASpecification() throws IOException {
    Path file = FIXTURES.resolve("not-a-spec.rst");
    RstReader.Result result = RstReader.read(file);

    assertThat(result.document()).isEmpty();
    assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
        file + ":1:1: error: not-a-spec.rst is not a vhost-user specification: it has no"
            + " 'Front-end message types' or 'Back-end message types' section (nor the older"
            + " 'Master' and 'Slave' ones) [rst-not-a-spec]");
  }

  @Test
  void malformedFieldsArePositioned() throws IOException {
    Path file = FIXTURES.resolve("bad-fields.rst");
    RstReader.Result result = RstReader.read(file);

    assertThat(result.document()).isEmpty();
    assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
        file + ":5:8: error: the :id: of VHOST_USER_GET_FEATURES must be a number, found 'abc'"
            + " [rst-bad-field]",
        file + ":8:1: error: VHOST_USER_SET_FEATURES has no :id: field [rst-bad-field]",
        file + ":17:38: error: the bit of VHOST_USER_PROTOCOL_F_MQ must be a number, found"
            + " 'zero' [rst-bad-field]");
  }

  @Test
  void binaryAndEmptyFilesAreNotSpecifications() throws IOException {
    Path binary = Files.write(temp.resolve("image.rst"),
        new byte[] {'a', '\n', 'b', 'c', (byte) 0xff, 0, 1, 2});
    assertThat(RstReader.read(binary).diagnostics()).extracting(Diagnostic::format)
        .containsExactly(binary + ":2:3: error: image.rst is not UTF-8 text (invalid UTF-8 byte"
            + " 0xff), so it is not a vhost-user.rst [rst-not-a-spec]");

    Path empty = Files.writeString(temp.resolve("empty.rst"), "");
    assertThat(RstReader.read(empty).diagnostics()).singleElement()
        .extracting(Diagnostic::format).asString().startsWith(empty + ":1:1: error: empty.rst is"
            + " not a vhost-user specification");
  }

  @Test
  void sectionsWithoutAnyMessageAreNotASpecification() {
    Path file = Path.of("headings-only.rst");
    RstReader.Result result = RstReader.parse(file,
        "Front-end message types\n-----------------------\n\nNothing here.\n");
    assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
        "headings-only.rst:1:1: error: headings-only.rst is not a vhost-user specification: its"
            + " message type sections list no ``VHOST_USER_...`` message with an :id: field"
            + " [rst-not-a-spec]");
  }

  @Test
  void windowsLineEndingsReadTheSame() throws IOException {
    String text = Files.readString(FIXTURES.resolve("small.rst")).replace("\n", "\r\n");
    RstReader.Result result = RstReader.parse(Path.of("small.rst"), text);
    assertThat(result.document().orElseThrow().frontEnd().get(0).ioctl())
        .isEqualTo("VHOST_GET_FEATURES");
  }

  @Test
  @Timeout(20)
  void aDefineLineEndingInAMillionSpacesIsReadInLinearTime() throws IOException {
    Path file = Files.writeString(temp.resolve("spaces.rst"), "Front-end message types\n"
        + "=======================\n\n``VHOST_USER_A``\n  :id: 1\n\nProtocol features\n"
        + "=================\n\n#define VHOST_USER_PROTOCOL_F_X 1" + " ".repeat(1_000_000)
        + "x\n");
    assertThat(RstReader.read(file).diagnostics()).extracting(Diagnostic::format).containsExactly(
        file + ":10:33: error: the bit of VHOST_USER_PROTOCOL_F_X must be a number, found '1 x'"
            + " [rst-bad-field]");
  }

  @Test
  void tooManyEntriesAndEndlessFieldsAreEachOnePositionedDiagnostic() throws IOException {
    StringBuilder many = new StringBuilder("Front-end message types\n=======================\n\n");
    for (int i = 0; i <= RstReader.MAX_ENTRIES; i++) {
      many.append("``VHOST_USER_M").append(i).append("``\n  :id: ").append(i).append("\n\n");
    }
    Path manyFile = Files.writeString(temp.resolve("many.rst"), many.toString());
    assertThat(RstReader.read(manyFile).diagnostics()).extracting(Diagnostic::format)
        .containsExactly(manyFile + ":" + (4 + 3 * RstReader.MAX_ENTRIES) + ":1: error:"
            + " more than 10000 messages and feature bits; the rest of the file is not read"
            + " [too-many]");

    Path longField = Files.writeString(temp.resolve("long.rst"), "Front-end message types\n"
        + "=======================\n\n``VHOST_USER_A``\n  :id: 1\n  :request payload: x\n"
        + "    more words\n".repeat(1000));
    assertThat(RstReader.read(longField).diagnostics()).extracting(Diagnostic::format)
        .containsExactly(longField + ":" + (7 + 4096 / 11) + ":1: error: the :request: field"
            + " goes on for more than 4096 characters [too-many]");
  }

  @Test
  @Timeout(20)
  void aFifoOrALinkIntoDevIsRefusedUnopened() throws Exception {
    Path fifo = temp.resolve("fifo.rst");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path zero = Files.createSymbolicLink(temp.resolve("zero.rst"), Path.of("/dev/zero"));
    for (Path file : List.of(fifo, zero)) {
      assertThatThrownBy(() -> RstReader.read(file)).isInstanceOf(InputFiles.Refused.class);
    }
  }
}
