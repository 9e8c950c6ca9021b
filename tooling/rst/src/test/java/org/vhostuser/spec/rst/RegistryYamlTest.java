package org.vhostuser.spec.rst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.RegistryFiles;

/**
 * The imported tables of the small fixture, compared with golden files. Run with
 * {@code -Dvhost.spec.rewriteGolden=true} to rewrite {@code src/test/resources/imported/} for review.
 */
class RegistryYamlTest {
  static final Path GOLDEN = Path.of("src/test/resources/imported");

  @TempDir Path temp;

  @Test
  void theImportedTablesMatchTheGoldenFiles() throws IOException {
    Map<String, String> tables = RegistryYaml.tables(RstReaderTest.document("small.rst"));
    assertThat(tables.keySet()).containsExactly(RegistryFiles.FRONT_END, RegistryFiles.BACK_END,
        RegistryFiles.PROTOCOL_FEATURES);
    if (Boolean.getBoolean("vhost.spec.rewriteGolden")) {
      TableWriter.write(GOLDEN, tables);
    }
    for (Map.Entry<String, String> table : tables.entrySet()) {
      assertThat(table.getValue()).as(table.getKey())
          .isEqualTo(Files.readString(GOLDEN.resolve(table.getKey())));
    }
  }

  @Test
  void theStreamHoldsTheThreeTablesAsSeparateDocuments() throws IOException {
    RstDocument doc = RstReaderTest.document("small.rst");
    String stream = RegistryYaml.stream(doc);
    assertThat(stream.split("\n---\n")).hasSize(3);
    assertThat(stream).isEqualTo(String.join("---\n", RegistryYaml.tables(doc).values()));
    assertThat(RegistryYaml.stream(doc)).as("deterministic").isEqualTo(stream);
  }

  @Test
  void theImportedTablesLoadWithTheRegistryLoader() throws IOException {
    Path folder = temp.resolve("imported");
    TableWriter.write(folder, RegistryYaml.tables(RstReaderTest.document("small.rst")));

    ComparedRegistry.Loaded loaded = ComparedRegistry.load(folder);
    assertThat(loaded.errors()).isEmpty();
    Message memTable = loaded.registry().frontEnd().messages().get(1);
    assertThat(memTable.name()).isEqualTo("VHOST_USER_SET_MEM_TABLE");
    assertThat(memTable.request().name()).isEqualTo("memory");
    assertThat(memTable.reply().name()).isEqualTo("memory");
    assertThat(loaded.registry().backEnd().messages().get(0).previousNames())
        .containsExactly("VHOST_USER_SLAVE_IOTLB_MSG");
    assertThat(loaded.registry().protocolFeatures().features()).hasSize(3);
  }

  @Test
  void quotesValuesThatAreNotPlainWords() {
    assertThat(RegistryYaml.scalar("VHOST_GET_FEATURES")).isEqualTo("VHOST_GET_FEATURES");
    assertThat(RegistryYaml.scalar("a: \"b\"")).isEqualTo("\"a: \\\"b\\\"\"");
  }
}
