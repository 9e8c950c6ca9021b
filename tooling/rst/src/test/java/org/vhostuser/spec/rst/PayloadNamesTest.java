package org.vhostuser.spec.rst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The payload phrases of vhost-user.rst and the registry names they map to. */
class PayloadNamesTest {
  @Test
  void descriptivePhrasesAndStructNamesMapToRegistryPayloads() {
    assertThat(PayloadNames.resolve("u64")).isEqualTo(new PayloadNames.Resolved("u64_value", true));
    assertThat(PayloadNames.resolve("vring state description").name()).isEqualTo("vring_state");
    assertThat(PayloadNames.resolve("vring descriptor index/indices").name())
        .isEqualTo("vring_base");
    assertThat(PayloadNames.resolve("struct VhostUserShared").name()).isEqualTo("shared_object");
    assertThat(PayloadNames.resolve("A vring address description").name())
        .isEqualTo("vring_addr");
  }

  @Test
  void conditionsAreDroppedAndDescriptorsAreNotBodies() {
    assertThat(PayloadNames.resolve("(postcopy only) multiple memory regions description")
        .name()).isEqualTo("memory");
    assertThat(PayloadNames.resolve("dmabuf fd and u64").name()).isEqualTo("u64_value");
    assertThat(PayloadNames.resolve("fd and struct VhostUserMMap").name()).isEqualTo("shmem_map");
    assertThat(PayloadNames.resolve("userfault fd")).isEqualTo(new PayloadNames.Resolved(null, true));
    assertThat(PayloadNames.resolve(null)).isEqualTo(new PayloadNames.Resolved(null, true));
  }

  @Test
  void unknownPhrasesGetADerivedName() {
    assertThat(PayloadNames.resolve("struct VhostUserFrobnicator"))
        .isEqualTo(new PayloadNames.Resolved("vhost_user_frobnicator", false));
    assertThat(PayloadNames.resolve("u64 and u32").known()).isFalse();
    assertThat(PayloadNames.derive("64-bit thing")).isEqualTo("p_64_bit_thing");
  }
}
