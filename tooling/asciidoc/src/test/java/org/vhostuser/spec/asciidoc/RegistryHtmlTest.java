package org.vhostuser.spec.asciidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The registry's tables are written as HTML; these tests hold them to the markup Asciidoctor
 * gives the same tables written in AsciiDoc, and to its table numbering.
 */
class RegistryHtmlTest {
  static Registry registry;

  @TempDir Path temp;

  @BeforeAll
  static void load() throws URISyntaxException {
    Path spec = Path.of(RegistryHtmlTest.class.getResource("/spec").toURI());
    registry = RegistryValidator.loadAndValidate(spec.resolve("registry")).registry();
  }

  @Test
  void tablesAreTheMarkupAsciidoctorGivesTheirAsciidoc() throws IOException {
    String fromMacros = render("""
        = T

        vu-payload::memory[]

        vu-payload::iotlb_msg[]

        vu-enum::vring_fd_flags[]

        vu-features::protocol[]
        """);
    String fromAsciidoc = render("""
        = T

        [#payload-memory.vu-payload]
        .link:#payload-memory[memory,role=vu-ref]: 8 bytes, then a variable-length array
        [cols="1,1,3,3,6",options="header"]
        |===
        |Offset |Size |Field |Type |Meaning
        |0 |4 |[[payload-memory.num_regions]]link:#payload-memory.num_regions[num_regions,role=vu-ref] |`+u32+` |
        |4 |4 |[[payload-memory.padding]]link:#payload-memory.padding[padding,role=vu-ref] |`+u32+` |Padding; senders write zero, receivers ignore it.
        |8 |variable |[[payload-memory.regions]]link:#payload-memory.regions[regions,role=vu-ref] |link:#payload-memory_region[memory_region,role=vu-ref][] (flexible, at most 8) |
        |===

        The table.

        [#payload-iotlb_msg.vu-payload]
        .link:#payload-iotlb_msg[iotlb_msg,role=vu-ref]: 16 bytes
        [cols="1,1,3,3,6",options="header"]
        |===
        |Offset |Size |Field |Type |Meaning
        |0 |8 |[[payload-iotlb_msg.iova]]link:#payload-iotlb_msg.iova[iova,role=vu-ref] |`+u64+` |
        |8 |1 |[[payload-iotlb_msg.perm]]link:#payload-iotlb_msg.perm[perm,role=vu-ref] |`+u8+` |Values: link:#enum-iotlb_perm[iotlb_perm,role=vu-ref].
        |9 |7 |[[payload-iotlb_msg.padding]]link:#payload-iotlb_msg.padding[padding,role=vu-ref] |`+u8+`[7] |Padding; senders write zero, receivers ignore it.
        |===

        An IOTLB entry.

        [#enum-vring_fd_flags.vu-enum]
        .link:#enum-vring_fd_flags[vring_fd_flags,role=vu-ref]: bits of a `+u64+`
        [cols="4,2,6",options="header"]
        |===
        |Name |Bit or mask |Meaning
        |[[VHOST_USER_VRING_IDX_MASK]]link:#VHOST_USER_VRING_IDX_MASK[VHOST_USER_VRING_IDX_MASK,role=vu-ref] |mask 0xff |
        |[[VHOST_USER_VRING_NOFD_MASK]]link:#VHOST_USER_VRING_NOFD_MASK[VHOST_USER_VRING_NOFD_MASK,role=vu-ref] |bit 8 |
        |===

        Bits of a ring fd payload.

        .All protocol features
        [.vu-index,cols="1,5,6,1",options="header"]
        |===
        |Bit |Feature |Summary |Status
        |0 |link:#VHOST_USER_PROTOCOL_F_MQ[VHOST_USER_PROTOCOL_F_MQ,role=vu-ref] |pass:c[%s] |stable
        |3 |link:#VHOST_USER_PROTOCOL_F_REPLY_ACK[VHOST_USER_PROTOCOL_F_REPLY_ACK,role=vu-ref] |pass:c[%s] |stable
        |===
        """.formatted(summary("VHOST_USER_PROTOCOL_F_MQ"),
            summary("VHOST_USER_PROTOCOL_F_REPLY_ACK")));

    assertThat(fromMacros).contains("<caption class=\"title\">Table 4. All protocol features");
    assertThat(fromMacros).isEqualTo(fromAsciidoc);
  }

  @Test
  void registryTablesAreNumberedInDocumentOrderWithWrittenTables() throws IOException {
    String html = render("""
        = T

        .Written before
        |===
        |a
        |===

        vu-enum::iotlb_perm[]

        .Written after
        |===
        |b
        |===
        """);
    assertThat(html).contains("Table 1. Written before", "Table 2. <a href=\"#enum-iotlb_perm\" class=\"vu-ref\">iotlb_perm</a>",
        "Table 3. Written after");
  }

  @Test
  void registryTablesAreNotNumberedWhenTheDocumentNumbersNoTable() throws IOException {
    String html = render("= T\n:table-caption!:\n\nvu-enum::iotlb_perm[]\n");
    assertThat(html).contains("<caption class=\"title\"><a href=\"#enum-iotlb_perm\" class=\"vu-ref\">iotlb_perm</a>: values of a")
        .doesNotContain("Table ");
  }

  private String summary(String feature) {
    return registry.allFeatures().filter(f -> f.name().equals(feature)).findFirst()
        .orElseThrow().summary();
  }

  private String render(String asciidoc) throws IOException {
    Path index = Files.writeString(Files.createTempFile(temp, "index", ".adoc"), asciidoc);
    SpecRenderer.Rendered rendered = SharedRenderer.get().render(index, registry);
    assertThat(rendered.problems()).isEmpty();
    return rendered.html();
  }
}
