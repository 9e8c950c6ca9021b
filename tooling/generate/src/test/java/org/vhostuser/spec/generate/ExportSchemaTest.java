package org.vhostuser.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** The JSON export of the real registry conforms to its published schema. */
class ExportSchemaTest {
  static final Path SCHEMA = Path.of("../../spec/registry/schema/export.schema.json");

  @Test
  void theRealExportConformsToTheSchema() throws IOException {
    assertThat(validate(export())).isEmpty();
  }

  @Test
  void theSchemaRejectsAnExportMissingARequiredKey() throws IOException {
    String broken = export().replaceFirst("\"replies\": \"always\",", "");
    assertThat(validate(broken)).isNotEmpty();
  }

  private static String export() {
    var registry = RegistryValidator.loadAndValidate(Path.of("../../spec/registry")).registry();
    return Generation.generate(registry, GoldenFilesTest.PROVENANCE, EnumSet.of(Language.JSON), "")
        .get(0).content();
  }

  private static List<String> validate(String json) throws IOException {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    return schema.validate(json, InputFormat.JSON).stream().map(Error::getMessage).toList();
  }
}
