package org.vhostuser.spec.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every real registry file conforms to the JSON Schema that editors use
 * ({@code spec/registry/schema}), and the schema rejects a broken copy of each.
 */
class RegistrySchemaTest {
  static final Path SCHEMAS = Path.of("../../spec/registry/schema");
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "registry.yaml, infoFile",
    "header.yaml, headerFile",
    "front-end-messages.yaml, frontEndMessagesFile",
    "back-end-messages.yaml, backEndMessagesFile",
    "protocol-features.yaml, protocolFeaturesFile",
    "virtio-features.yaml, virtioFeaturesFile",
    "payloads.yaml, payloadsFile",
    "enums.yaml, enumsFile",
    "wire-rules.yaml, wireRulesFile",
    "quirks.yaml, quirksFile",
  })
  void theRealFileConformsAndABrokenCopyDoesNot(String file, String definition) throws IOException {
    Schema schema = schemaFor(definition);
    JsonNode document = yaml(RealRegistryTest.REGISTRY.resolve(file));

    assertThat(messages(schema, document)).isEmpty();

    ((ObjectNode) document).put("an_unknown_key", true);
    assertThat(messages(schema, document)).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "front-end-messages.schema.json, frontEndMessagesFile",
    "payloads.schema.json, payloadsFile",
  })
  void eachTableHasASmallSchemaPointingAtItsDefinition(String file, String definition)
      throws IOException {
    assertThat(JSON.readTree(Files.readString(SCHEMAS.resolve(file))).get("$ref").asString())
        .isEqualTo("registry.schema.json#/$defs/" + definition);
  }

  /** The shared schema, made to validate one table file by pointing its root at that table. */
  private static Schema schemaFor(String definition) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(
        Files.readString(SCHEMAS.resolve("registry.schema.json")));
    root.remove("$id");
    root.put("$ref", "#/$defs/" + definition);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.writeValueAsString(root), com.networknt.schema.InputFormat.JSON);
  }

  private static List<String> messages(Schema schema, JsonNode document) {
    return schema.validate(document).stream().map(Error::getMessage).toList();
  }

  private static JsonNode yaml(Path file) throws IOException {
    Object loaded = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build())
        .loadFromString(Files.readString(file));
    return JSON.valueToTree((Map<?, ?>) loaded);
  }
}
