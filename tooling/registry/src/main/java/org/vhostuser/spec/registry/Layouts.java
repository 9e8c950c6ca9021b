package org.vhostuser.spec.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Offsets and sizes of every payload, computed from its fields. Payloads are packed: each field
 * starts where the previous one ends, and padding is written out as fields. A payload whose
 * layout cannot be computed (an unknown type, a cycle) has no layout; validation says why.
 */
public final class Layouts {
  /** Where a field sits: its offset, the size of one element and of the whole field. */
  public record FieldLayout(Field field, long offset, long elementSize, long size) {}

  /** A payload's computed size (the fixed part when it ends in a flexible array) and fields. */
  public record PayloadLayout(Payload payload, long size, List<FieldLayout> fields,
      boolean endsFlexible) {
    public PayloadLayout {
      fields = List.copyOf(fields);
    }
  }

  private final Map<String, Payload> payloads;
  private final Map<String, PayloadLayout> computed = new HashMap<>();
  private final Set<String> failed = new HashSet<>();

  private Layouts(Map<String, Payload> payloads) {
    this.payloads = payloads;
  }

  /** Computes the layout of every payload of the registry. */
  public static Layouts of(Registry registry) {
    Layouts layouts = new Layouts(registry.payloadsByName());
    registry.payloads().forEach(p -> layouts.compute(p, new HashSet<>()));
    return layouts;
  }

  /** The layout of the payload with this name, when it can be computed. */
  public Optional<PayloadLayout> of(String payloadName) {
    return Optional.ofNullable(computed.get(payloadName));
  }

  /** Lays out a standalone list of fields, such as the message header. */
  public Optional<PayloadLayout> ofFields(Payload synthetic) {
    return Optional.ofNullable(layout(synthetic, new HashSet<>()));
  }

  private PayloadLayout compute(Payload payload, Set<String> inProgress) {
    String name = payload.name();
    if (computed.containsKey(name)) {
      return computed.get(name);
    }
    if (failed.contains(name) || !inProgress.add(name)) {
      return null;
    }
    PayloadLayout layout = layout(payload, inProgress);
    inProgress.remove(name);
    if (layout == null) {
      failed.add(name);
    } else {
      computed.put(name, layout);
    }
    return layout;
  }

  private PayloadLayout layout(Payload payload, Set<String> inProgress) {
    long offset = 0;
    boolean endsFlexible = false;
    List<FieldLayout> fields = new ArrayList<>();
    for (Field field : payload.fields()) {
      if (field.type() == null) {
        return null;
      }
      Long elementSize = elementSize(field.type().name(), inProgress);
      if (elementSize == null) {
        return null;
      }
      long size;
      if (field.flexible()) {
        size = 0;
        endsFlexible = true;
      } else {
        long count = field.count() == null ? 1 : Math.max(0, field.count());
        size = elementSize * count;
        endsFlexible = false;
      }
      fields.add(new FieldLayout(field, offset, elementSize, size));
      offset += size;
    }
    return new PayloadLayout(payload, offset, fields, endsFlexible);
  }

  private Long elementSize(String type, Set<String> inProgress) {
    Optional<Primitive> primitive = Primitive.named(type);
    if (primitive.isPresent()) {
      return (long) primitive.get().size();
    }
    Payload nested = payloads.get(type);
    if (nested == null) {
      return null;
    }
    PayloadLayout layout = compute(nested, inProgress);
    return layout == null ? null : layout.size();
  }
}
