package org.vhostuser.spec.registry.validate;

import java.util.List;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.NumberRange;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Status;

/**
 * Number claims are explicit: a reserved entry names the proposal it holds its number for and its
 * owner, the ranges registry.yaml sets aside are well formed, and no entry takes a number inside
 * one.
 */
final class ReservationRules implements Rule {

  @Override
  public void check(Registry registry, Diagnostics out) {
    for (NumberRange range : registry.info().reservedRanges()) {
      if (range.first() != null && range.last() != null && range.first() > range.last()) {
        out.error(range.at(), Code.BAD_VALUE, "reserved range " + range.first() + ".."
            + range.last() + " is empty: first must not be above last");
      }
      long max = "protocol-features".equals(range.table()) ? 63 : 0xFFFF_FFFFL;
      if ((range.first() != null && range.first() < 0) || (range.last() != null && range.last() > max)) {
        out.error(range.at(), Code.NUMBER_OUT_OF_RANGE, "reserved range of " + range.table()
            + " must lie within 0.." + max);
      }
    }
    registry.messageTables().forEach(table -> table.messages().forEach(m -> {
      proposal(out, m.name(), m.status(), m.proposal(), m.owner(), m.at());
      inRange(out, registry.info().rangesOf(table.direction().yamlName()), m.name(), m.id(),
          "id", m.at());
    }));
    registry.protocolFeatures().features().forEach(f -> {
      proposal(out, f.name(), f.status(), f.proposal(), f.owner(), f.at());
      inRange(out, registry.info().rangesOf("protocol-features"), f.name(), f.bit(), "bit",
          f.at());
    });
    registry.virtioFeatures().features().forEach(f ->
        proposal(out, f.name(), f.status(), f.proposal(), f.owner(), f.at()));
  }

  private static void proposal(Diagnostics out, String name, Status status, String proposal,
      String owner, SourcePosition at) {
    if (status == Status.RESERVED && (proposal == null || proposal.isBlank())) {
      out.error(at, Code.RESERVATION_WITHOUT_PROPOSAL, name + " is reserved but names no"
          + " proposal; add proposal: with the merge request or discussion it is held for");
    }
    if (status == Status.RESERVED && (owner == null || owner.isBlank())) {
      out.error(at, Code.RESERVATION_WITHOUT_PROPOSAL, name + " is reserved but names no"
          + " owner; add owner: \"Full Name <address>\" of whoever holds the number");
    }
  }

  private static void inRange(Diagnostics out, List<NumberRange> ranges, String name, Long number,
      String word, SourcePosition at) {
    if (number == null) {
      return;
    }
    for (NumberRange range : ranges) {
      if (range.contains(number)) {
        out.error(at, Code.NUMBER_IN_RESERVED_RANGE, name + " takes " + word + " " + number
            + ", inside the range " + range.first() + ".." + range.last() + " set aside for "
            + range.use() + " in registry.yaml");
      }
    }
  }
}
