package org.vhostuser.spec.generate;

import java.util.Comparator;
import java.util.List;
import org.vhostuser.spec.registry.EnumKind;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.NumberRange;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Registry;

/**
 * One Rust module with no dependency beyond {@code core} (usable from {@code no_std} crates):
 * request enums with {@code TryFrom<u32>} and a name accessor, feature bits as constants and a
 * small bit-set type, constants, and every payload as a {@code #[repr(C, packed)]} struct whose
 * size is asserted at compile time. Its unit tests check every field offset (with
 * {@code addr_of!}, so the module builds on compilers older than {@code offset_of!}).
 */
public final class RustModule {
  private final Registry registry;
  private final Layouts layouts;
  private Provenance provenance;
  private final StringBuilder out = new StringBuilder();

  private RustModule(Registry registry) {
    this.registry = registry;
    this.layouts = Layouts.of(registry);
  }

  /** The module for {@code registry}. */
  public static GeneratedFile generate(Registry registry, Provenance provenance) {
    RustModule module = new RustModule(registry);
    module.write(provenance);
    return new GeneratedFile(Language.RUST.fileName(), module.out.toString());
  }

  private void write(Provenance provenance) {
    this.provenance = provenance;
    line("// SPDX-License-Identifier: " + Licence.SPDX);
    for (String text : Licence.NOTICE.split("\n")) {
      line("// " + text);
    }
    line("//");
    line("// Specification revision: " + provenance.revision());
    line("// Registry SHA-256: " + provenance.contentSha256());
    line("");
    line("//! Constants and payload layouts of the vhost-user protocol, generated from its registry.");
    line("");
    line("/// The revision of the specification this module was generated from.");
    line("pub const SPEC_REVISION: &str = \"" + provenance.revision() + "\";");
    line("");
    line("/// Whether an entry is agreed, on its way out, or not yet agreed.");
    line("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]");
    line("pub enum Status {");
    line("    /// In use and agreed.");
    line("    Stable,");
    line("    /// Still on the wire, but replaced or discouraged.");
    line("    Deprecated,");
    line("    /// In flight: not yet agreed by the specification.");
    line("    Proposed,");
    line("    /// A number claimed by a change under review.");
    line("    Reserved,");
    line("}");
    line("");
    constants();
    requests("FrontEndRequest", "Requests the front-end sends on the main socket.",
        registry.frontEnd(), "VHOST_USER_");
    requests("BackEndRequest", "Requests the back-end sends on the back-end channel.",
        registry.backEnd(), "VHOST_USER_BACKEND_");
    featureBitsMacro();
    features("ProtocolFeatures", "Protocol feature bits (GET/SET_PROTOCOL_FEATURES).",
        registry.protocolFeatures(), "VHOST_USER_PROTOCOL_F_");
    features("VirtioFeatures", "Virtio and vhost feature bits the protocol relies on.",
        registry.virtioFeatures(), "");
    payloads();
    tests();
  }

  private void constants() {
    for (EnumMember flag : registry.header().flags()) {
      doc("", flag.summary());
      line("pub const " + flag.name() + ": u32 = " + value(flag) + ";");
    }
    for (Limit limit : registry.header().limits()) {
      doc("", limit.summary());
      line("pub const " + limit.name() + ": u64 = " + limit.value() + ";");
    }
    for (NumberRange range : registry.info().reservedRanges()) {
      doc("", Names.rangeDoc(range) + " First number.");
      line("pub const " + Names.range(range) + "_FIRST: u32 = 0x"
          + Long.toHexString(range.first()) + ";");
      doc("", Names.rangeDoc(range) + " Last number.");
      line("pub const " + Names.range(range) + "_LAST: u32 = 0x"
          + Long.toHexString(range.last()) + ";");
    }
    line("");
    for (EnumType e : registry.enums()) {
      line("// " + Names.doc(e.summary()) + " (" + e.name() + ")");
      for (EnumMember m : e.members()) {
        doc("", m.summary());
        line("pub const " + m.name() + ": " + e.type() + " = "
            + (e.kind() == EnumKind.VALUES ? m.value() : value(m)) + ";");
      }
      line("");
    }
  }

  private void requests(String name, String title, MessageTable table, String prefix) {
    List<Message> messages =
        table.messages().stream().sorted(Comparator.comparing(Message::id)).toList();
    doc("", title);
    line("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]");
    line("#[repr(u32)]");
    line("#[non_exhaustive]");
    line("pub enum " + name + " {");
    for (Message m : messages) {
      doc("    ", Names.statusNote(m.status()) + m.summary()
          + provenance.sinceNote(m.direction().yamlName() + " message", m.name()));
      line("    " + Names.camel(Names.strip(m.name(), prefix)) + " = " + m.id() + ",");
    }
    line("}");
    line("");
    line("impl " + name + " {");
    line("    /// The request's name as the specification spells it.");
    line("    pub const fn name(self) -> &'static str {");
    line("        match self {");
    for (Message m : messages) {
      line("            Self::" + Names.camel(Names.strip(m.name(), prefix)) + " => \"" + m.name()
          + "\",");
    }
    line("        }");
    line("    }");
    line("");
    line("    /// Where the request stands in the specification.");
    line("    pub const fn status(self) -> Status {");
    line("        match self {");
    for (Message m : messages) {
      line("            Self::" + Names.camel(Names.strip(m.name(), prefix)) + " => Status::"
          + Names.camel(m.status().yamlName()) + ",");
    }
    line("        }");
    line("    }");
    line("}");
    line("");
    line("impl core::convert::TryFrom<u32> for " + name + " {");
    line("    type Error = u32;");
    line("");
    line("    /// The request with this number, or the number itself when none has it.");
    line("    fn try_from(value: u32) -> Result<Self, u32> {");
    line("        match value {");
    for (Message m : messages) {
      line("            " + m.id() + " => Ok(Self::" + Names.camel(Names.strip(m.name(), prefix))
          + "),");
    }
    line("            other => Err(other),");
    line("        }");
    line("    }");
    line("}");
    line("");
  }

  private void features(String type, String title, FeatureTable table, String prefix) {
    List<Feature> features =
        table.features().stream().sorted(Comparator.comparing(Feature::bit)).toList();
    doc("", title);
    line("#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]");
    line("pub struct " + type + "(u64);");
    line("");
    line("impl " + type + " {");
    for (Feature f : features) {
      doc("    ", Names.statusNote(f.status()) + f.summary() + provenance.sinceNote(
          f.kind().name().toLowerCase(java.util.Locale.ROOT) + " feature", f.name()));
      line("    pub const " + Names.strip(f.name(), prefix) + ": Self = Self(1 << " + f.bit() + ");");
    }
    line("");
    line("    /// Every bit the specification defines.");
    line("    pub const ALL: Self = Self(" + features.stream()
        .map(f -> "(1 << " + f.bit() + ")").reduce((a, b) -> a + " | " + b).orElse("0") + ");");
    line("}");
    line("");
    line("feature_bits!(" + type + ");");
    line("");
  }

  /**
   * The methods and operators both feature bit-set types share, written once as a macro that
   * each type then invokes.
   */
  private void featureBitsMacro() {
    line("/// Methods and operators shared by the feature bit-set types.");
    line("macro_rules! feature_bits {");
    line("    ($type:ident) => {");
    line("        impl $type {");
    line("            /// No bit set.");
    line("            pub const fn empty() -> Self {");
    line("                Self(0)");
    line("            }");
    line("");
    line("            /// The bits as sent on the wire.");
    line("            pub const fn bits(self) -> u64 {");
    line("                self.0");
    line("            }");
    line("");
    line("            /// Takes bits as received, keeping unknown ones.");
    line("            pub const fn from_bits_retain(bits: u64) -> Self {");
    line("                Self(bits)");
    line("            }");
    line("");
    line("            /// True when every bit of `other` is set here.");
    line("            pub const fn contains(self, other: Self) -> bool {");
    line("                self.0 & other.0 == other.0");
    line("            }");
    line("");
    line("            /// The bits set here that the specification does not define.");
    line("            pub const fn unknown(self) -> u64 {");
    line("                self.0 & !Self::ALL.0");
    line("            }");
    line("        }");
    line("");
    line("        impl core::ops::BitOr for $type {");
    line("            type Output = Self;");
    line("");
    line("            fn bitor(self, other: Self) -> Self {");
    line("                Self(self.0 | other.0)");
    line("            }");
    line("        }");
    line("");
    line("        impl core::ops::BitAnd for $type {");
    line("            type Output = Self;");
    line("");
    line("            fn bitand(self, other: Self) -> Self {");
    line("                Self(self.0 & other.0)");
    line("            }");
    line("        }");
    line("    };");
    line("}");
    line("");
  }

  private void payloads() {
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      String type = Names.camel(p.name());
      doc("", p.summary());
      line("#[repr(C, packed)]");
      line("#[derive(Clone, Copy)]");
      line("pub struct " + type + " {");
      for (Layouts.FieldLayout f : layout.fields()) {
        Field field = f.field();
        doc("    ", field.summary());
        line("    pub " + Names.rustField(field.name()) + ": " + rustType(field) + ",");
      }
      line("}");
      line("");
      line("const _: () = assert!(core::mem::size_of::<" + type + ">() == " + layout.size() + ");");
      line("");
    }
  }

  private void tests() {
    line("#[cfg(test)]");
    line("mod tests {");
    line("    use super::*;");
    line("    use core::convert::TryFrom;");
    line("");
    line("    #[test]");
    line("    fn every_request_number_maps_back_to_its_request() {");
    for (MessageTable table : registry.messageTables()) {
      String type = table == registry.frontEnd() ? "FrontEndRequest" : "BackEndRequest";
      String prefix = table == registry.frontEnd() ? "VHOST_USER_" : "VHOST_USER_BACKEND_";
      for (Message m : table.messages()) {
        String variant = type + "::" + Names.camel(Names.strip(m.name(), prefix));
        line("        assert_eq!(" + type + "::try_from(" + m.id() + "), Ok(" + variant + "));");
        line("        assert_eq!(" + variant + " as u32, " + m.id() + ");");
        line("        assert_eq!(" + variant + ".name(), \"" + m.name() + "\");");
      }
      line("        assert_eq!(" + type + "::try_from(0), Err(0));");
    }
    line("    }");
    line("");
    line("    /// The offset of a field inside a packed struct, without reading it.");
    line("    macro_rules! offset {");
    line("        ($type:ty, $field:ident) => {{");
    line("            let value = core::mem::MaybeUninit::<$type>::uninit();");
    line("            let base = value.as_ptr();");
    line("            let field = unsafe { core::ptr::addr_of!((*base).$field) };");
    line("            field as *const u8 as usize - base as *const u8 as usize");
    line("        }};");
    line("    }");
    line("");
    line("    #[test]");
    line("    fn payload_fields_sit_at_the_offsets_of_the_specification() {");
    for (Payload p : registry.payloads()) {
      Layouts.PayloadLayout layout = layouts.of(p.name()).orElseThrow();
      for (Layouts.FieldLayout f : layout.fields()) {
        line("        assert_eq!(offset!(" + Names.camel(p.name()) + ", "
            + Names.rustField(f.field().name()) + "), " + f.offset() + ");");
      }
    }
    line("    }");
    line("");
    line("    #[test]");
    line("    fn feature_sets_combine_and_report_unknown_bits() {");
    Feature first = registry.protocolFeatures().features().get(0);
    String name = Names.strip(first.name(), "VHOST_USER_PROTOCOL_F_");
    line("        let set = ProtocolFeatures::empty() | ProtocolFeatures::" + name + ";");
    line("        assert!(set.contains(ProtocolFeatures::" + name + "));");
    line("        assert_eq!(set.bits(), 1 << " + first.bit() + ");");
    line("        assert_eq!(ProtocolFeatures::from_bits_retain(1 << 63).unknown(), 1 << 63);");
    line("        assert_eq!(ProtocolFeatures::ALL.unknown(), 0);");
    line("    }");
    line("}");
  }

  private String rustType(Field field) {
    String element = Primitive.named(field.type().name()).map(Primitive::yamlName)
        .orElseGet(() -> Names.camel(field.type().name()));
    if (field.flexible()) {
      return "[" + element + "; 0]";
    }
    return field.count() == null ? element : "[" + element + "; " + field.count() + "]";
  }

  private static String value(EnumMember m) {
    if (m.value() != null) {
      return String.valueOf(m.value());
    }
    if (m.bit() != null) {
      return "1 << " + m.bit();
    }
    return "0x" + Long.toHexString(m.mask());
  }


  private void doc(String indent, String text) {
    String summary = Names.doc(text);
    if (!summary.isEmpty()) {
      line(indent + "/// " + summary);
    }
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
