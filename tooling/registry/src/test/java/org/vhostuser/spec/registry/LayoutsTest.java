package org.vhostuser.spec.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets and sizes are computed from the fields, packed, with nested and array fields. */
class LayoutsTest {
  static final SourcePosition AT = SourcePosition.ofFile(Path.of("payloads.yaml"));

  @Test
  void computesOffsetsOfNestedArraysAndFlexibleTails() {
    Payload region = payload("region", field("addr", "u64", null, false), field("len", "u32", null, false));
    Payload table = payload("table", field("count", "u16", null, false),
        field("pad", "u16", null, false), field("fixed", "region", 2L, false),
        field("tail", "u8", null, true));
    Layouts layouts = Layouts.of(registry(region, table));

    Layouts.PayloadLayout layout = layouts.of("table").orElseThrow();
    assertThat(layouts.of("region").orElseThrow().size()).isEqualTo(12);
    assertThat(layout.fields()).extracting(Layouts.FieldLayout::offset).containsExactly(0L, 2L, 4L, 28L);
    assertThat(layout.fields()).extracting(Layouts.FieldLayout::size).containsExactly(2L, 2L, 24L, 0L);
    assertThat(layout.size()).isEqualTo(28);
    assertThat(layout.endsFlexible()).isTrue();
  }

  @Test
  void aPayloadWithAnUnknownTypeOrACycleHasNoLayout() {
    Payload broken = payload("broken", field("x", "u128", null, false));
    Payload a = payload("a", field("b", "b", null, false));
    Payload b = payload("b", field("a", "a", null, false));
    Layouts layouts = Layouts.of(registry(broken, a, b));
    assertThat(layouts.of("broken")).isEmpty();
    assertThat(layouts.of("a")).isEmpty();
    assertThat(layouts.of("b")).isEmpty();
  }

  static Field field(String name, String type, Long count, boolean flexible) {
    return new Field(name, new Ref(type, AT), count, flexible, null, false, null, null, List.of(), AT);
  }

  static Payload payload(String name, Field... fields) {
    return new Payload(name, "test", List.of(), null, List.of(fields), List.of(), AT);
  }

  static Registry registry(Payload... payloads) {
    Path file = Path.of("x.yaml");
    return new Registry(Path.of("."), new RegistryInfo("t", List.of()),
        new Header(List.of(), List.of(), List.of()),
        new MessageTable(Direction.FRONT_END, List.of(), List.of(), file),
        new MessageTable(Direction.BACK_END, List.of(), List.of(), file),
        new FeatureTable(FeatureKind.PROTOCOL, List.of(), List.of(), file),
        new FeatureTable(FeatureKind.VIRTIO, List.of(), List.of(), file),
        List.of(payloads), List.of(), java.util.Set.of());
  }
}
