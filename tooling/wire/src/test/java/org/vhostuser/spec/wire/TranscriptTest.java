package org.vhostuser.spec.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.ObjectMapper;

/** The transcript format: lines written, read back, checked by its JSON Schema, bad lines named. */
class TranscriptTest {
  static final Path SCHEMA = Path.of("../../spec/registry/schema/trace.schema.json");
  static final String GOOD = "{\"time_ms\":1.500,\"channel\":\"main\",\"direction\":"
      + "\"back-to-front\",\"request\":1,\"name\":\"VHOST_USER_GET_FEATURES\",\"flags\":5,"
      + "\"size\":8,\"fds\":0,\"payload\":\"0000004001000000\"}";

  @TempDir Path temp;

  @Test
  void aWrittenLineReadsBackTheSame() throws Exception {
    WireMessage m = Transcript.parse(GOOD, 7);
    assertThat(m.channel()).isEqualTo(Channel.MAIN);
    assertThat(m.direction()).isEqualTo(Flow.BACK_TO_FRONT);
    assertThat(m.unsigned(0, 8)).isEqualTo(0x1_4000_0000L);
    assertThat(m.line()).isEqualTo(7);
    assertThat(Transcript.line(m, "VHOST_USER_GET_FEATURES")).isEqualTo(GOOD);
  }

  @Test
  void writtenLinesConformToTheSchemaAndABrokenOneDoesNot() throws IOException {
    ObjectMapper json = new ObjectMapper();
    tools.jackson.databind.node.ObjectNode root =
        (tools.jackson.databind.node.ObjectNode) json.readTree(Files.readString(SCHEMA));
    root.remove("$id");
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(json.writeValueAsString(root), com.networknt.schema.InputFormat.JSON);
    WireMessage m = new WireMessage(0.25, Channel.BACKEND, Flow.FRONT_TO_BACK, 3, 1, 2, 1,
        new byte[] {(byte) 0xab, 1}, 0);

    assertThat(schema.validate(json.readTree(Transcript.line(m, null)))).isEmpty();
    assertThat(schema.validate(json.readTree(GOOD))).isEmpty();
    assertThat(schema.validate(json.readTree(GOOD.replace("\"main\"", "\"side\"")))).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "not json | 1: expected '{'",
    "{\"time_ms\":1 | 13: expected '}' before the end of the line",
    "{} | 1: missing key 'time_ms'",
    "{\"time_ms\":1,\"extra\":2} | 1: unknown key 'extra'; a line has time_ms, channel, direction,"
        + " request, name, flags, size, fds, payload",
    "{\"time_ms\":{} | 12: nested objects and arrays are not part of the format",
    "{\"a\":1,\"a\":2} | 8: duplicate key 'a'",
  })
  void aBadLineIsNamedWithItsColumn(String line, String expected) {
    assertThat(problem(line)).isEqualTo(expected);
  }

  @Test
  void badValuesAreNamed() {
    assertThat(problem(GOOD.replace("\"main\"", "\"side\"")))
        .isEqualTo("1: 'channel' must be main or backend");
    assertThat(problem(GOOD.replace("\"back-to-front\"", "\"up\"")))
        .isEqualTo("1: 'direction' must be front-to-back or back-to-front");
    assertThat(problem(GOOD.replace("\"request\":1", "\"request\":-1")))
        .isEqualTo("1: 'request' must be an integer from 0 to 4294967295");
    assertThat(problem(GOOD.replace("\"fds\":0", "\"fds\":1.5")))
        .isEqualTo("1: 'fds' must be an integer from 0 to 253");
    assertThat(problem(GOOD.replace("0000004001000000", "00000040010000")))
        .isEqualTo("1: 'size' is 8 but the payload holds 7 bytes");
    assertThat(problem(GOOD.replace("0000004001000000", "000000400100000G")))
        .isEqualTo("1: 'payload' must be lowercase hex digits, two per byte");
  }

  @Test
  void aFileWithBadLinesKeepsItsGoodLinesAndReportsTheRest() throws IOException {
    Path file = temp.resolve("t.jsonl");
    Files.writeString(file, GOOD + "\n\n{broken\n" + GOOD + "\n", StandardCharsets.UTF_8);

    Transcript.Contents contents = Transcript.read(file);

    assertThat(contents.messages()).extracting(WireMessage::line).containsExactly(1, 4);
    assertThat(contents.problems()).containsExactly(
        new Transcript.Problem(3, 2, "expected '\"'"));
  }

  @Test
  void aFileThatIsNotUtf8IsOneProblem() throws IOException {
    Path file = temp.resolve("t.jsonl");
    Files.write(file, List.of(GOOD, "\u00ff").stream().map(s -> s + "\n")
        .reduce("", String::concat).getBytes(StandardCharsets.ISO_8859_1));

    Transcript.Contents contents = Transcript.read(file);

    assertThat(contents.messages()).hasSize(1);
    assertThat(contents.problems()).extracting(Transcript.Problem::message)
        .containsExactly("line is not UTF-8 text");
  }

  private static String problem(String line) {
    try {
      Transcript.parse(line, 1);
      return "parsed";
    } catch (Transcript.LineException e) {
      return e.column + ": " + e.getMessage();
    }
  }
}
