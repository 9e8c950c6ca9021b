package org.vhostuser.spec.prose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Registry;

/** Every name the prose may refer to, with the kind of entry it names. */
public final class RegistryNames {
  /** What kind of entry a name refers to. */
  public enum Kind { MESSAGE, FEATURE, PAYLOAD, FIELD, ENUM, CONSTANT }

  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<String, Long> numbers = new LinkedHashMap<>();
  private final Map<Kind, Set<String>> byKind = new java.util.EnumMap<>(Kind.class);

  /** Collects the names of {@code registry}. */
  public RegistryNames(Registry registry) {
    registry.allMessages().forEach(m -> add(m.name(), Kind.MESSAGE, m.id()));
    registry.allFeatures().forEach(f -> add(f.name(), Kind.FEATURE, f.bit()));
    for (Payload payload : registry.payloads()) {
      add(payload.name(), Kind.PAYLOAD, null);
      for (Field field : payload.fields()) {
        add(payload.name() + "." + field.name(), Kind.FIELD, null);
      }
    }
    for (EnumType type : registry.enums()) {
      add(type.name(), Kind.ENUM, null);
      type.members().forEach(m -> add(m.name(), Kind.CONSTANT, null));
    }
    registry.header().flags().forEach((EnumMember m) -> add(m.name(), Kind.CONSTANT, null));
    registry.header().limits().forEach((Limit l) -> add(l.name(), Kind.CONSTANT, null));
  }

  private void add(String name, Kind kind, Long number) {
    if (name != null) {
      kinds.putIfAbsent(name, kind);
      if (number != null) {
        numbers.putIfAbsent(name, number);
      }
    }
  }

  /** The kind of entry {@code name} refers to, or null. */
  public Kind kind(String name) {
    return kinds.get(name);
  }

  /** The id or bit of a message or feature, or null. */
  public Long number(String name) {
    return numbers.get(name);
  }

  /** Every name. */
  public Set<String> all() {
    return kinds.keySet();
  }

  /** The names of one kind (computed once per kind). */
  public Set<String> of(Kind kind) {
    return byKind.computeIfAbsent(kind, k -> {
      Set<String> names = new TreeSet<>();
      kinds.forEach((name, each) -> {
        if (each == k) {
          names.add(name);
        }
      });
      return names;
    });
  }

  /** Messages and features, whose numbers must never be typed in the prose. */
  static boolean isNumbered(Kind kind) {
    return kind == Kind.MESSAGE || kind == Kind.FEATURE;
  }
}
