package org.vhostuser.spec.rst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.conform.Finding;
import org.vhostuser.spec.conform.ReportFormat;
import org.vhostuser.spec.registry.RegistryFiles;

/**
 * The small fixture compared with registries made from it: none when nothing changed, and one
 * difference of each kind when the registry is edited.
 */
class RstComparisonTest {
  @TempDir Path temp;

  private Path imported() throws IOException {
    Path folder = temp.resolve("registry");
    TableWriter.write(folder, RegistryYaml.tables(RstReaderTest.document("small.rst")));
    return folder;
  }

  private static void edit(Path folder, String table, String from, String to) throws IOException {
    Path file = folder.resolve(table);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static List<String> compare(Path folder) throws IOException {
    ComparedRegistry.Loaded loaded = ComparedRegistry.load(folder);
    assertThat(loaded.errors()).isEmpty();
    return RstComparison.compare(RstReaderTest.document("small.rst"), loaded.registry())
        .stream().map(d -> d.line() + " " + d.aspect().id() + " " + d.detail()).toList();
  }

  @Test
  void aRegistryImportedFromTheDocumentHasNoDifferences() throws IOException {
    assertThat(compare(imported())).isEmpty();
  }

  @Test
  void everyKindOfDifferenceIsReportedWithItsLine() throws IOException {
    Path folder = imported();
    edit(folder, RegistryFiles.FRONT_END, "    id: 5\n", "    id: 6\n");
    edit(folder, RegistryFiles.FRONT_END, "ioctl: VHOST_GET_FEATURES", "ioctl: VHOST_GET_FEATURE");
    edit(folder, RegistryFiles.FRONT_END, "request: iotlb_msg", "request: log");
    edit(folder, RegistryFiles.FRONT_END, "    reply: memory", "    reply: u64_value");
    edit(folder, RegistryFiles.FRONT_END, "name: VHOST_USER_SET_BACKEND_REQ_FD",
        "name: VHOST_USER_SET_BACKEND_FD");
    edit(folder, RegistryFiles.BACK_END, "    previous_names: [VHOST_USER_SLAVE_IOTLB_MSG]\n",
        "");
    edit(folder, RegistryFiles.PROTOCOL_FEATURES, "VHOST_USER_PROTOCOL_F_MTU\n    bit: 4",
        "VHOST_USER_PROTOCOL_F_NET_MTU\n    bit: 4\n    previous_names: [VHOST_USER_PROTOCOL_F_MTU]");
    edit(folder, RegistryFiles.PROTOCOL_FEATURES, "VHOST_USER_PROTOCOL_F_LOG_SHMFD",
        "VHOST_USER_PROTOCOL_F_RARP");
    Files.writeString(folder.resolve(RegistryFiles.BACK_END), "\n  - name: VHOST_USER_BACKEND_NEW\n"
        + "    id: 11\n", java.nio.file.StandardOpenOption.APPEND);

    assertThat(compare(folder)).containsExactly(
        "28 number front-end message VHOST_USER_SET_MEM_TABLE has id 5 in small.rst; the"
            + " registry gives 6",
        "22 ioctl VHOST_USER_GET_FEATURES: the equivalent ioctl is VHOST_GET_FEATURES in"
            + " small.rst; the registry gives VHOST_GET_FEATURE",
        "32 reply VHOST_USER_SET_MEM_TABLE: the reply payload is '(postcopy only) multiple"
            + " memory regions description' (memory) in small.rst; the registry gives u64_value",
        "50 request VHOST_USER_IOTLB_MSG: the request payload is 'struct vhost_iotlb_msg'"
            + " (iotlb_msg) in small.rst; the registry gives log",
        "55 missing back-end message VHOST_USER_BACKEND_NEW (id 11) is not in small.rst",
        "14 name protocol feature bit 1 is called VHOST_USER_PROTOCOL_F_LOG_SHMFD in small.rst;"
            + " the registry calls it VHOST_USER_PROTOCOL_F_RARP",
        "15 name protocol feature VHOST_USER_PROTOCOL_F_MTU of small.rst is a previous name of"
            + " VHOST_USER_PROTOCOL_F_NET_MTU",
        "39 name front-end message id 21 is called VHOST_USER_SET_BACKEND_REQ_FD in small.rst;"
            + " the registry calls it VHOST_USER_SET_BACKEND_FD",
        "60 previous-name small.rst gives VHOST_USER_SLAVE_IOTLB_MSG as a previous name of"
            + " VHOST_USER_BACKEND_IOTLB_MSG; the registry does not record it");
  }

  @Test
  void entriesWithNeitherNameNorNumberInCommonAreMissingAndExtra() throws IOException {
    Path folder = imported();
    edit(folder, RegistryFiles.PROTOCOL_FEATURES, "VHOST_USER_PROTOCOL_F_LOG_SHMFD\n    bit: 1",
        "VHOST_USER_PROTOCOL_F_RARP\n    bit: 2");
    assertThat(compare(folder)).containsExactly(
        "8 missing protocol feature VHOST_USER_PROTOCOL_F_RARP (bit 2) is not in small.rst",
        "14 extra protocol feature VHOST_USER_PROTOCOL_F_LOG_SHMFD (bit 1) of small.rst is not"
            + " in the registry");
  }

  @Test
  void reservedEntriesAreNotExpectedButProposedOnesAre() throws IOException {
    Path folder = imported();
    Files.writeString(folder.resolve(RegistryFiles.FRONT_END), "\n  - name: VHOST_USER_CLAIMED\n"
        + "    id: 90\n    status: reserved\n\n  - name: VHOST_USER_COMING\n    id: 91\n"
        + "    status: proposed\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(compare(folder)).containsExactly("17 missing front-end message VHOST_USER_COMING"
        + " (id 91), proposed is not in small.rst");
  }

  @Test
  void theReportUsesConformsFormats() throws IOException {
    Path folder = imported();
    edit(folder, RegistryFiles.FRONT_END, "ioctl: VHOST_GET_FEATURES", "ioctl: VHOST_GET_FEATURE");
    RstDocument doc = RstReaderTest.document("small.rst");
    List<Difference> all = RstComparison.compare(doc,
        ComparedRegistry.load(folder).registry());
    assertThat(all).singleElement().extracting(d -> d.finding().kind())
        .isEqualTo(Finding.Kind.VALUE_DIFFERS);

    String text = ReportFormat.TEXT.write(RstReport.of(doc, all, all));
    assertThat(text).isEqualTo(doc.file() + ":22: differs: VHOST_USER_GET_FEATURES: the"
        + " equivalent ioctl is VHOST_GET_FEATURES in small.rst; the registry gives"
        + " VHOST_GET_FEATURE\n"
        + "1 file, 9 entries read, 9 matched the registry: 0 with another number, 1 with another"
        + " ioctl or payload, 0 missing, 0 extra, 0 spelled differently\n");
    assertThat(ReportFormat.JSON.write(RstReport.of(doc, all, all)))
        .contains("\"kind\": \"value-differs\"", "\"found\": \"VHOST_GET_FEATURES\"");
    assertThat(ReportFormat.MARKDOWN.write(RstReport.of(doc, all, all)))
        .contains("### Ioctls and payloads that differ from the specification (1)");
    assertThat(Map.of()).isEmpty();
  }
}
