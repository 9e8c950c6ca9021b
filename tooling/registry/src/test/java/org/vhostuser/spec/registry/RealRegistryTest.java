package org.vhostuser.spec.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The real registry loads without a diagnostic and keeps the properties every version of it has
 * (unique numbers, a 12-byte header, a layout for every payload); never its counts or numbers of
 * today, which change as the protocol grows.
 */
class RealRegistryTest {
  static final Path REGISTRY = Path.of("../../spec/registry");
  static Registry registry;
  static List<Diagnostic> diagnostics;

  @BeforeAll
  static void load() {
    RegistryValidator.Checked checked = RegistryValidator.loadAndValidate(REGISTRY);
    registry = checked.registry();
    diagnostics = checked.diagnostics();
  }

  @Test
  void hasNoDiagnosticsAtAll() {
    assertThat(diagnostics).extracting(Diagnostic::format).isEmpty();
  }

  @Test
  void numbersAreUniqueAndNeverRetiredOnesPerTable() {
    for (MessageTable table : registry.messageTables()) {
      assertThat(ids(table)).doesNotHaveDuplicates();
      table.retired().forEach(r -> assertThat(ids(table)).doesNotContain(r.number()));
    }
    for (FeatureTable table : registry.featureTables()) {
      List<Long> bits = table.features().stream().map(Feature::bit).toList();
      assertThat(bits).doesNotHaveDuplicates();
      table.retired().forEach(r -> assertThat(bits).doesNotContain(r.number()));
    }
  }

  @Test
  void everyEntryInUseSaysWhatItIs() {
    registry.allMessages().filter(m -> m.status() != Status.RESERVED)
        .forEach(m -> assertThat(m.summary()).as(m.name()).isNotBlank());
    registry.allFeatures().filter(f -> f.status() != Status.RESERVED)
        .forEach(f -> assertThat(f.summary()).as(f.name()).isNotBlank());
  }

  @Test
  void headerIsTwelveBytesWithItsFlagBits() {
    assertThat(registry.header().fields()).extracting(Field::name)
        .containsExactly("request", "flags", "size");
    assertThat(registry.header().limit("VHOST_USER_HEADER_SIZE").orElseThrow().value())
        .isEqualTo(12);
    assertThat(registry.header().flags()).extracting(EnumMember::name, EnumMember::numericValue)
        .contains(org.assertj.core.groups.Tuple.tuple("VHOST_USER_REPLY_MASK", 4L),
            org.assertj.core.groups.Tuple.tuple("VHOST_USER_NEED_REPLY_MASK", 8L));
  }

  @Test
  void everyPayloadStatingASizeHasThatSize() {
    Layouts layouts = Layouts.of(registry);
    registry.payloads().stream().filter(p -> p.statedSize() != null).forEach(p ->
        assertThat(layouts.of(p.name()).orElseThrow().size()).as(p.name()).isEqualTo(p.statedSize()));
  }

  @Test
  void everyMessagePayloadHasALayout() {
    Layouts layouts = Layouts.of(registry);
    registry.allMessages().forEach(m -> {
      if (m.request() != null) {
        assertThat(layouts.of(m.request().name())).as(m.name()).isPresent();
      }
      if (m.reply() != null) {
        assertThat(layouts.of(m.reply().name())).as(m.name()).isPresent();
      }
    });
  }

  @Test
  void recordsWhichSourcesItFollows() {
    assertThat(registry.info().sources()).isNotEmpty();
    assertThat(registry.info().sources().get(0).commit()).matches("[0-9a-f]{40}");
  }

  private static List<Long> ids(MessageTable table) {
    return table.messages().stream().map(Message::id).toList();
  }

}
