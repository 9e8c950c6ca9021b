package org.vhostuser.spec.registry.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.EnumKind;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Primitive;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.SourcePosition;

/** Enum members give exactly the kind of number their enum needs, and it fits the enum's type. */
final class EnumRules implements Rule {

  @Override
  public void check(Registry registry, Diagnostics out) {
    for (EnumType type : registry.enums()) {
      Optional<Primitive> width = type.type() == null ? Optional.empty()
          : Primitive.named(type.type());
      if (type.type() != null && (width.isEmpty() || width.get().signed())) {
        out.error(type.at(), Code.BAD_VALUE, "enum " + type.name()
            + " must have an unsigned integer type (u8, u16, u32, u64), not " + type.type());
      }
      checkMembers(out, type.name(), type.kind(), width.orElse(Primitive.U64), type.members());
    }
    checkMembers(out, "header flags", EnumKind.FLAGS, Primitive.U32, registry.header().flags());
  }

  private static void checkMembers(Diagnostics out, String owner, EnumKind kind, Primitive width,
      List<EnumMember> members) {
    Map<Long, SourcePosition> values = new HashMap<>();
    for (EnumMember member : members) {
      int given = (member.value() != null ? 1 : 0) + (member.bit() != null ? 1 : 0)
          + (member.mask() != null ? 1 : 0);
      if (kind == EnumKind.VALUES && (member.value() == null || given != 1)) {
        out.error(member.at(), Code.BAD_VALUE, "member " + member.name() + " of " + owner
            + " needs exactly one 'value' (the enum's kind is values)");
        continue;
      }
      if (kind == EnumKind.FLAGS && (member.value() != null || given != 1)) {
        out.error(member.at(), Code.BAD_VALUE, "member " + member.name() + " of " + owner
            + " needs exactly one of 'bit' or 'mask' (the enum's kind is flags)");
        continue;
      }
      if (member.bit() != null && (member.bit() < 0 || member.bit() >= width.size() * 8L)) {
        out.error(member.at(), Code.ENUM_VALUE, "bit " + member.bit() + " of " + member.name()
            + " does not fit " + width.yamlName());
        continue;
      }
      Long number = member.numericValue();
      if (number == null) {
        continue;
      }
      if (!width.fits(number)) {
        out.error(member.at(), Code.ENUM_VALUE, "value " + Long.toUnsignedString(number) + " of "
            + member.name() + " does not fit " + width.yamlName());
        continue;
      }
      if (member.mask() != null) {
        continue; // masks describe fields of bits and may overlap other members on purpose
      }
      SourcePosition first = values.putIfAbsent(number, member.at());
      if (first != null) {
        out.error(member.at(), Code.ENUM_VALUE, member.name() + " repeats the "
            + (kind == EnumKind.FLAGS ? "bit" : "value") + " of the member at "
            + Where.of(first, member.at()) + " in " + owner);
      }
    }
  }
}
