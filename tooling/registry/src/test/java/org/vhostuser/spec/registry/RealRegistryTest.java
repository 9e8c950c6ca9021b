package org.vhostuser.spec.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** The real registry loads without a diagnostic and holds the protocol's well-known facts. */
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
  void coversEveryFrontEndRequestFrom1To44() {
    assertThat(ids(registry.frontEnd())).containsAll(LongStream.rangeClosed(1, 44).boxed().toList());
  }

  @Test
  void coversEveryBackEndRequestFrom1To10() {
    assertThat(ids(registry.backEnd())).containsAll(LongStream.rangeClosed(1, 10).boxed().toList());
  }

  @Test
  void coversEveryProtocolFeatureFrom0To22() {
    assertThat(registry.protocolFeatures().features()).extracting(Feature::bit)
        .containsAll(LongStream.rangeClosed(0, 22).boxed().toList());
  }

  @Test
  void knowsTheWellKnownNumbers() {
    assertThat(message("VHOST_USER_GET_FEATURES").id()).isEqualTo(1);
    assertThat(message("VHOST_USER_GET_VRING_BASE").id()).isEqualTo(11);
    assertThat(message("VHOST_USER_GET_VRING_BASE").ioctl()).isEqualTo("VHOST_GET_VRING_BASE");
    assertThat(message("VHOST_USER_SET_BACKEND_REQ_FD").id()).isEqualTo(21);
    assertThat(message("VHOST_USER_SET_BACKEND_REQ_FD").previousNames())
        .contains("VHOST_USER_SET_SLAVE_REQ_FD");
    assertThat(message("VHOST_USER_CHECK_DEVICE_STATE").id()).isEqualTo(43);
    assertThat(message("VHOST_USER_BACKEND_IOTLB_MSG").previousNames())
        .contains("VHOST_USER_SLAVE_IOTLB_MSG");
    assertThat(message("VHOST_USER_RESET_OWNER").status()).isEqualTo(Status.DEPRECATED);
    assertThat(feature("VHOST_USER_PROTOCOL_F_REPLY_ACK").bit()).isEqualTo(3);
    assertThat(feature("VHOST_USER_PROTOCOL_F_BACKEND_REQ").previousNames())
        .contains("VHOST_USER_PROTOCOL_F_SLAVE_REQ");
    assertThat(feature("VHOST_USER_PROTOCOL_F_DEVICE_STATE").bit()).isEqualTo(19);
    assertThat(feature("VHOST_USER_F_PROTOCOL_FEATURES").bit()).isEqualTo(30);
    assertThat(feature("VHOST_F_LOG_ALL").bit()).isEqualTo(26);
    assertThat(feature("VIRTIO_F_IOMMU_PLATFORM").bit()).isEqualTo(33);
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
  void payloadSizesMatchWhatImplementationsSend() {
    Layouts layouts = Layouts.of(registry);
    assertThat(size(layouts, "vring_state")).isEqualTo(8);
    assertThat(size(layouts, "vring_addr")).isEqualTo(40);
    assertThat(size(layouts, "memory_region")).isEqualTo(32);
    assertThat(size(layouts, "single_memory_region")).isEqualTo(40);
    assertThat(size(layouts, "log")).isEqualTo(16);
    assertThat(size(layouts, "iotlb_msg")).isEqualTo(32);
    assertThat(size(layouts, "vring_area")).isEqualTo(24);
    assertThat(size(layouts, "inflight")).isEqualTo(24);
    assertThat(size(layouts, "shared_object")).isEqualTo(16);
    assertThat(size(layouts, "device_state_transfer")).isEqualTo(8);
    assertThat(size(layouts, "desc_state_split")).isEqualTo(16);
    assertThat(size(layouts, "desc_state_packed")).isEqualTo(32);
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

  private static Message message(String name) {
    return registry.allMessages().collect(Collectors.toMap(Message::name, Function.identity()))
        .get(name);
  }

  private static Feature feature(String name) {
    return registry.allFeatures().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static long size(Layouts layouts, String payload) {
    return layouts.of(payload).orElseThrow().size();
  }
}
