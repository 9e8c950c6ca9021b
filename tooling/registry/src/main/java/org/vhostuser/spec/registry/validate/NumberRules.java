package org.vhostuser.spec.registry.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Retired;
import org.vhostuser.spec.registry.SourcePosition;

/** Ids and bits are in range, unique within their table, and never reuse a retired number. */
final class NumberRules implements Rule {
  /** Request ids travel in a u32; 0 is never a request. */
  static final long MAX_MESSAGE_ID = 0xFFFF_FFFFL;
  /** Both feature spaces are 64-bit masks. */
  static final long MAX_FEATURE_BIT = 63;

  @Override
  public void check(Registry registry, Diagnostics out) {
    for (MessageTable table : registry.messageTables()) {
      String what = table.direction().yamlName() + " message id";
      Numbers numbers = new Numbers(out, what, 1, MAX_MESSAGE_ID, table.retired());
      for (Message message : table.messages()) {
        numbers.add(message.id(), message.name(), message.at());
      }
      numbers.checkRetiredList();
    }
    for (FeatureTable table : registry.featureTables()) {
      String what = table.kind().name().toLowerCase(java.util.Locale.ROOT) + " feature bit";
      Numbers numbers = new Numbers(out, what, 0, MAX_FEATURE_BIT, table.retired());
      for (Feature feature : table.features()) {
        numbers.add(feature.bit(), feature.name(), feature.at());
      }
      numbers.checkRetiredList();
    }
    for (Limit limit : registry.header().limits()) {
      if (limit.value() != null && limit.value() < 0) {
        out.error(limit.at(), Code.NUMBER_OUT_OF_RANGE,
            "limit " + limit.name() + " is negative (" + limit.value() + ")");
      }
    }
  }

  /** The numbers of one table, checked as they are added. */
  private static final class Numbers {
    private final Diagnostics out;
    private final String what;
    private final long min;
    private final long max;
    private final List<Retired> retired;
    private final Map<Long, String> used = new HashMap<>();
    private final Map<Long, SourcePosition> usedAt = new HashMap<>();

    Numbers(Diagnostics out, String what, long min, long max, List<Retired> retired) {
      this.out = out;
      this.what = what;
      this.min = min;
      this.max = max;
      this.retired = retired;
    }

    void add(Long number, String name, SourcePosition at) {
      if (number == null) {
        return;
      }
      if (number < min || number > max) {
        out.error(at, Code.NUMBER_OUT_OF_RANGE,
            what + " " + number + " of " + name + " is outside " + min + ".." + max);
        return;
      }
      String first = used.putIfAbsent(number, name);
      if (first != null) {
        out.error(at, Code.DUPLICATE_NUMBER, what + " " + number + " of " + name
            + " is already taken by " + first + " (" + Where.of(usedAt.get(number), at) + ")");
        return;
      }
      usedAt.put(number, at);
      for (Retired old : retired) {
        if (old.number() == number) {
          out.error(at, Code.RETIRED_NUMBER_REUSED, what + " " + number + " of " + name
              + " was retired (it was " + old.name() + "); take a new number");
        }
      }
    }

    void checkRetiredList() {
      Map<Long, SourcePosition> seen = new HashMap<>();
      for (Retired old : retired) {
        if (old.number() < min || old.number() > max) {
          out.error(old.at(), Code.NUMBER_OUT_OF_RANGE,
              "retired " + what + " " + old.number() + " is outside " + min + ".." + max);
        }
        SourcePosition first = seen.putIfAbsent(old.number(), old.at());
        if (first != null) {
          out.error(old.at(), Code.DUPLICATE_NUMBER, "retired " + what + " " + old.number()
              + " is listed twice (first at " + Where.of(first, old.at()) + ")");
        }
      }
    }
  }
}
