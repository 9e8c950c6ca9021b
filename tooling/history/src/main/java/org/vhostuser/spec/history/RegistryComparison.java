package org.vhostuser.spec.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.FdSpec;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.FeatureKind;
import org.vhostuser.spec.registry.FeatureTable;
import org.vhostuser.spec.registry.Field;
import org.vhostuser.spec.registry.Layouts;
import org.vhostuser.spec.registry.Layouts.FieldLayout;
import org.vhostuser.spec.registry.Layouts.PayloadLayout;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.MessageTable;
import org.vhostuser.spec.registry.Payload;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Retired;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Status;

/**
 * Compares two revisions of the registry: the semantic changes a reviewer reads, and the
 * findings of the breaking-change rules that need only the two revisions (number reuse across
 * the whole history is {@link NumberHistory}'s job). Entries that were proposed or reserved in
 * the base may still change freely, except their numbers.
 */
public final class RegistryComparison {
  /** The changes and the rule findings, in the order the registries list their entries. */
  public record Result(List<Change> changes, List<Break> breaks) {
    public Result {
      changes = List.copyOf(changes);
      breaks = List.copyOf(breaks);
    }
  }

  private final Registry base;
  private final Registry head;
  private final Layouts baseLayouts;
  private final Layouts headLayouts;
  private final List<Change> changes = new ArrayList<>();
  private final List<Break> breaks = new ArrayList<>();

  private RegistryComparison(Registry base, Registry head) {
    this.base = base;
    this.head = head;
    this.baseLayouts = Layouts.of(base);
    this.headLayouts = Layouts.of(head);
  }

  /** Everything that changed from {@code base} to {@code head}. */
  public static Result compare(Registry base, Registry head) {
    RegistryComparison comparison = new RegistryComparison(base, head);
    comparison.run();
    return new Result(comparison.changes, comparison.breaks);
  }

  private void run() {
    messages(base.frontEnd(), head.frontEnd());
    messages(base.backEnd(), head.backEnd());
    features(base.protocolFeatures(), head.protocolFeatures());
    features(base.virtioFeatures(), head.virtioFeatures());
    payloads();
    header();
    enums();
  }

  // Messages.

  private void messages(MessageTable old, MessageTable now) {
    String kind = old.direction().yamlName() + " message";
    Matching<Message> matching = Matching.of(old.messages(), now.messages(), Message::name,
        Message::previousNames, Message::id);
    for (Message before : old.messages()) {
      Message after = matching.match(before);
      Subject subject = new Subject(kind, before.name());
      if (after == null) {
        removed(subject, before.status(), before.id(), now.retired(), "id",
            SourcePosition.ofFile(now.file()));
        continue;
      }
      renamed(matching, subject, before.name(), after.name(), after.at());
      Subject named = new Subject(kind, after.name());
      numbered(named, "id", before.id(), after.id(), after.at());
      status(named, before.status(), after.status(), after.at());
      boolean settled = !before.status().isTentative();
      text(named, "summary", before.summary(), after.summary(), after.at());
      text(named, "ioctl", before.ioctl(), after.ioctl(), after.at());
      payloadRef(named, "request", before.request(), after.request(), settled, after.at());
      payloadRef(named, "reply", before.reply(), after.reply(), settled, after.at());
      fds(named, "request", before.requestFds(), after.requestFds(), settled, after.at());
      fds(named, "reply", before.replyFds(), after.replyFds(), settled, after.at());
      if (before.replies() != after.replies()) {
        change(Change.Kind.CHANGED, named, "replies: " + before.replies().yamlName() + " -> "
            + after.replies().yamlName(), after.at());
        rule(settled, BreakRule.REPLY_CHANGED, named, "the reply changed from "
            + before.replies().yamlName() + " to " + after.replies().yamlName(), after.at());
      }
      text(named, "reply condition", before.replyCondition(), after.replyCondition(), after.at());
      notes(named, before.notes(), after.notes(), after.at());
      requirements(named, "requires protocol feature", before.requires().protocol(),
          after.requires().protocol(), settled, after.at());
      requirements(named, "requires virtio feature", before.requires().virtio(),
          after.requires().virtio(), settled, after.at());
    }
    added(kind, now.messages(), matching, Message::name, m -> "id " + m.id(), Message::at);
  }

  // Features.

  private void features(FeatureTable old, FeatureTable now) {
    String kind = (old.kind() == FeatureKind.PROTOCOL ? "protocol" : "virtio") + " feature";
    Matching<Feature> matching = Matching.of(old.features(), now.features(), Feature::name,
        Feature::previousNames, Feature::bit);
    for (Feature before : old.features()) {
      Feature after = matching.match(before);
      Subject subject = new Subject(kind, before.name());
      if (after == null) {
        removed(subject, before.status(), before.bit(), now.retired(), "bit",
            SourcePosition.ofFile(now.file()));
        continue;
      }
      renamed(matching, subject, before.name(), after.name(), after.at());
      Subject named = new Subject(kind, after.name());
      numbered(named, "bit", before.bit(), after.bit(), after.at());
      status(named, before.status(), after.status(), after.at());
      boolean settled = !before.status().isTentative();
      text(named, "summary", before.summary(), after.summary(), after.at());
      requirements(named, "depends on", before.dependsOn(), after.dependsOn(), settled,
          after.at());
      notes(named, before.notes(), after.notes(), after.at());
    }
    added(kind, now.features(), matching, Feature::name, f -> "bit " + f.bit(), Feature::at);
  }

  // Payloads and the header.

  private void payloads() {
    Map<String, Payload> old = base.payloadsByName();
    Map<String, Payload> now = head.payloadsByName();
    for (Payload before : old.values()) {
      Subject subject = new Subject("payload", before.name());
      Payload after = now.get(before.name());
      if (after == null) {
        change(Change.Kind.REMOVED, subject, "payload removed",
            SourcePosition.ofFile(head.root().resolve("payloads.yaml")));
        continue;
      }
      Optional<PayloadLayout> was = baseLayouts.of(before.name());
      Optional<PayloadLayout> is = headLayouts.of(after.name());
      if (was.isPresent() && is.isPresent()) {
        fields(before.name(), "payload field", was.get(), is.get(), after.at());
        long oldSize = was.get().size();
        long newSize = is.get().size();
        if (newSize != oldSize) {
          change(Change.Kind.CHANGED, subject, "size: " + oldSize + " -> " + newSize + " bytes",
              after.at());
          if (newSize < oldSize) {
            breaks.add(new Break(BreakRule.PAYLOAD_SHORTER, subject, "the payload shrank from "
                + oldSize + " to " + newSize + " bytes", after.at()));
          }
        }
      }
      text(subject, "summary", before.summary(), after.summary(), after.at());
      notes(subject, before.notes(), after.notes(), after.at());
    }
    for (Payload after : now.values()) {
      if (!old.containsKey(after.name())) {
        String size = headLayouts.of(after.name()).map(l -> ", " + l.size() + " bytes").orElse("");
        change(Change.Kind.ADDED, new Subject("payload", after.name()),
            "payload added (" + after.fields().size() + " fields" + size + ")", after.at());
      }
    }
  }

  private void header() {
    Payload oldHeader = new Payload("header", null, List.of(), null, base.header().fields(),
        List.of(), SourcePosition.ofFile(base.root().resolve("header.yaml")));
    Payload newHeader = new Payload("header", null, List.of(), null, head.header().fields(),
        List.of(), SourcePosition.ofFile(head.root().resolve("header.yaml")));
    Optional<PayloadLayout> was = baseLayouts.ofFields(oldHeader);
    Optional<PayloadLayout> is = headLayouts.ofFields(newHeader);
    if (was.isPresent() && is.isPresent()) {
      fields("header", "header field", was.get(), is.get(), newHeader.at());
    }
    members("header flag", "header", base.header().flags(), head.header().flags(),
        newHeader.at());
    Map<String, Limit> oldLimits = new LinkedHashMap<>();
    base.header().limits().forEach(l -> oldLimits.put(l.name(), l));
    for (Limit after : head.header().limits()) {
      Limit before = oldLimits.remove(after.name());
      Subject subject = new Subject("limit", after.name());
      if (before == null) {
        change(Change.Kind.ADDED, subject, "limit added: " + after.value(), after.at());
      } else if (!Objects.equals(before.value(), after.value())) {
        change(Change.Kind.CHANGED, subject, "value: " + before.value() + " -> " + after.value(),
            after.at());
        if (before.value() != null && after.value() != null && after.value() < before.value()) {
          breaks.add(new Break(BreakRule.LIMIT_LOWERED, subject, "the limit went down from "
              + before.value() + " to " + after.value(), after.at()));
        }
      }
    }
    oldLimits.values().forEach(l -> change(Change.Kind.REMOVED, new Subject("limit", l.name()),
        "limit removed", newHeader.at()));
  }

  private void fields(String owner, String kind, PayloadLayout was, PayloadLayout is,
      SourcePosition payloadAt) {
    Map<String, FieldLayout> now = new LinkedHashMap<>();
    is.fields().forEach(f -> now.put(f.field().name(), f));
    Set<String> oldNames = was.fields().stream().map(f -> f.field().name())
        .collect(Collectors.toSet());
    for (FieldLayout before : was.fields()) {
      Subject subject = new Subject(kind, owner + "." + before.field().name());
      FieldLayout after = now.get(before.field().name());
      if (after == null) {
        FieldLayout renamed = is.fields().stream()
            .filter(f -> !oldNames.contains(f.field().name()) && f.offset() == before.offset()
                && shape(f.field()).equals(shape(before.field())))
            .findFirst().orElse(null);
        if (renamed != null) {
          change(Change.Kind.RENAMED, subject, "renamed to " + renamed.field().name()
              + " (same offset and type)", renamed.field().at());
          now.remove(renamed.field().name());
          continue;
        }
        change(Change.Kind.REMOVED, subject, "field removed (was at offset " + before.offset()
            + ")", payloadAt);
        breaks.add(new Break(BreakRule.FIELD_REMOVED, subject, "the field at offset "
            + before.offset() + " was removed", payloadAt));
        continue;
      }
      now.remove(after.field().name());
      if (!shape(before.field()).equals(shape(after.field()))) {
        change(Change.Kind.CHANGED, subject, "type: " + shape(before.field()) + " -> "
            + shape(after.field()), after.field().at());
        breaks.add(new Break(BreakRule.FIELD_CHANGED, subject, "the field changed from "
            + shape(before.field()) + " to " + shape(after.field()), after.field().at()));
      }
      if (before.offset() != after.offset()) {
        change(Change.Kind.CHANGED, subject, "offset: " + before.offset() + " -> "
            + after.offset(), after.field().at());
        breaks.add(new Break(BreakRule.FIELD_MOVED, subject, "the field moved from offset "
            + before.offset() + " to " + after.offset(), after.field().at()));
      }
    }
    for (FieldLayout after : now.values()) {
      change(Change.Kind.ADDED, new Subject(kind, owner + "." + after.field().name()),
          "field added at offset " + after.offset() + " (" + shape(after.field()) + ")",
          after.field().at());
    }
  }

  /** How a field is laid out, as one comparable word: {@code u32}, {@code u8[8]}, {@code u64[]}. */
  private static String shape(Field field) {
    String type = field.type() == null ? "?" : field.type().name();
    if (field.flexible()) {
      return type + "[]";
    }
    return field.count() == null ? type : type + "[" + field.count() + "]";
  }

  // Enums.

  private void enums() {
    Map<String, EnumType> now = new LinkedHashMap<>();
    head.enums().forEach(e -> now.put(e.name(), e));
    for (EnumType before : base.enums()) {
      EnumType after = now.remove(before.name());
      if (after == null) {
        change(Change.Kind.REMOVED, new Subject("enum", before.name()), "enum removed",
            SourcePosition.ofFile(head.root().resolve("enums.yaml")));
        continue;
      }
      members("enum member", before.name(), before.members(), after.members(), after.at());
    }
    now.values().forEach(e -> change(Change.Kind.ADDED, new Subject("enum", e.name()),
        "enum added (" + e.members().size() + " members)", e.at()));
  }

  private void members(String kind, String owner, List<EnumMember> old, List<EnumMember> now,
      SourcePosition ownerAt) {
    Matching<EnumMember> matching = Matching.of(old, now, EnumMember::name,
        EnumMember::previousNames, EnumMember::numericValue);
    for (EnumMember before : old) {
      EnumMember after = matching.match(before);
      Subject subject = new Subject(kind, owner + "." + before.name());
      if (after == null) {
        change(Change.Kind.REMOVED, subject, "removed (was " + before.numericValue() + ")",
            ownerAt);
        breaks.add(new Break(BreakRule.VALUE_REMOVED, subject, "the value "
            + before.numericValue() + " was removed", ownerAt));
        continue;
      }
      renamed(matching, subject, before.name(), after.name(), after.at());
      numbered(new Subject(kind, owner + "." + after.name()), "value", before.numericValue(),
          after.numericValue(), after.at());
    }
    added(kind, now, matching, m -> owner + "." + m.name(), m -> "value " + m.numericValue(),
        EnumMember::at);
  }

  // Shared steps.

  private void removed(Subject subject, Status status, Long number, List<Retired> retired,
      String numberWord, SourcePosition at) {
    change(Change.Kind.REMOVED, subject, "removed (was " + numberWord + " " + number + ", "
        + status.yamlName() + ")", at);
    if (status == Status.STABLE) {
      breaks.add(new Break(BreakRule.REMOVED_NOT_DEPRECATED, subject, "removed while stable;"
          + " deprecate it first", at));
    }
    boolean isRetired = retired.stream().anyMatch(r -> Objects.equals(r.number(), number));
    if (!isRetired && number != null) {
      breaks.add(new Break(BreakRule.NUMBER_NOT_RETIRED, subject, "its " + numberWord + " "
          + number + " is not listed under retired", at));
    }
  }

  private void renamed(Matching<?> matching, Subject subject, String oldName, String newName,
      SourcePosition at) {
    if (oldName.equals(newName)) {
      return;
    }
    change(Change.Kind.RENAMED, subject, "renamed to " + newName, at);
    if (matching.matchedByNumberOnly(oldName)) {
      breaks.add(new Break(BreakRule.RENAMED_WITHOUT_PREVIOUS_NAME, subject, "renamed to "
          + newName + " without listing " + oldName + " in previous_names", at));
    }
  }

  private void numbered(Subject subject, String word, Long before, Long after,
      SourcePosition at) {
    if (!Objects.equals(before, after)) {
      change(Change.Kind.RENUMBERED, subject, word + ": " + before + " -> " + after, at);
      breaks.add(new Break(BreakRule.NUMBER_CHANGED, subject, "its " + word + " changed from "
          + before + " to " + after, at));
    }
  }

  private void status(Subject subject, Status before, Status after, SourcePosition at) {
    if (before == after) {
      return;
    }
    change(Change.Kind.CHANGED, subject, "status: " + before.yamlName() + " -> "
        + after.yamlName(), at);
    if (!before.isTentative() && after.isTentative()) {
      breaks.add(new Break(BreakRule.STATUS_REGRESSED, subject, "its status went back from "
          + before.yamlName() + " to " + after.yamlName(), at));
    }
  }

  private void payloadRef(Subject subject, String which, Ref before, Ref after, boolean settled,
      SourcePosition at) {
    String was = before == null ? null : before.name();
    String is = after == null ? null : after.name();
    if (Objects.equals(was, is)) {
      return;
    }
    change(Change.Kind.CHANGED, subject, which + " payload: " + orNone(was) + " -> " + orNone(is),
        at);
    if (!sameLayout(was, is)) {
      rule(settled, BreakRule.PAYLOAD_REPLACED, subject, "the " + which + " payload "
          + orNone(was) + " was replaced by " + orNone(is) + ", a different layout", at);
    }
  }

  private boolean sameLayout(String oldPayload, String newPayload) {
    if (oldPayload == null || newPayload == null) {
      return false;
    }
    Optional<PayloadLayout> was = baseLayouts.of(oldPayload);
    Optional<PayloadLayout> is = headLayouts.of(newPayload);
    if (was.isEmpty() || is.isEmpty() || was.get().size() != is.get().size()
        || was.get().fields().size() != is.get().fields().size()) {
      return false;
    }
    for (int i = 0; i < was.get().fields().size(); i++) {
      FieldLayout a = was.get().fields().get(i);
      FieldLayout b = is.get().fields().get(i);
      if (a.offset() != b.offset() || a.size() != b.size()
          || a.field().flexible() != b.field().flexible()) {
        return false;
      }
    }
    return true;
  }

  private void fds(Subject subject, String which, FdSpec before, FdSpec after, boolean settled,
      SourcePosition at) {
    String was = fdWords(before);
    String is = fdWords(after);
    if (!was.equals(is)) {
      change(Change.Kind.CHANGED, subject, which + " file descriptors: " + was + " -> " + is, at);
      rule(settled, BreakRule.FDS_CHANGED, subject, "the " + which + " carries " + is
          + " file descriptors instead of " + was, at);
    }
  }

  private static String fdWords(FdSpec fds) {
    if (fds == null) {
      return "none";
    }
    return fds.min() == fds.max() ? String.valueOf(fds.min()) : fds.min() + " to " + fds.max();
  }

  private void requirements(Subject subject, String what, List<Ref> before, List<Ref> after,
      boolean settled, SourcePosition at) {
    Set<String> was = names(before);
    Set<String> is = names(after);
    for (String name : is) {
      if (!was.contains(name)) {
        change(Change.Kind.CHANGED, subject, what + " " + name + " (added)", at);
        rule(settled, BreakRule.REQUIREMENT_ADDED, subject, "now " + what + " " + name, at);
      }
    }
    for (String name : was) {
      if (!is.contains(name)) {
        change(Change.Kind.CHANGED, subject, what + " " + name + " (removed)", at);
      }
    }
  }

  private static Set<String> names(List<Ref> refs) {
    Set<String> names = new java.util.LinkedHashSet<>();
    refs.forEach(r -> names.add(r.name()));
    return names;
  }

  private void text(Subject subject, String what, String before, String after,
      SourcePosition at) {
    if (!Objects.equals(before, after)) {
      String verb = before == null ? " added" : after == null ? " removed" : " reworded";
      change(Change.Kind.CHANGED, subject, what + verb + (what.equals("summary") ? ""
          : ": " + orNone(before) + " -> " + orNone(after)), at);
    }
  }

  /** Notes record this registry's positions where sources disagree: reviewers must see them. */
  private void notes(Subject subject, List<String> before, List<String> after,
      SourcePosition at) {
    long added = after.stream().filter(n -> !before.contains(n)).count();
    long removed = before.stream().filter(n -> !after.contains(n)).count();
    if (added + removed > 0) {
      long reworded = Math.min(added, removed);
      List<String> parts = new ArrayList<>();
      if (reworded > 0) {
        parts.add(reworded + " reworded");
      }
      if (added > reworded) {
        parts.add((added - reworded) + " added");
      }
      if (removed > reworded) {
        parts.add((removed - reworded) + " removed");
      }
      change(Change.Kind.CHANGED, subject, "notes: " + String.join(", ", parts), at);
    }
  }

  private <T> void added(String kind, List<T> now, Matching<T> matching,
      java.util.function.Function<T, String> name, java.util.function.Function<T, String> number,
      java.util.function.Function<T, SourcePosition> at) {
    for (T entry : now) {
      if (!matching.isMatched(entry)) {
        change(Change.Kind.ADDED, new Subject(kind, name.apply(entry)), "added ("
            + number.apply(entry) + ")", at.apply(entry));
      }
    }
  }

  private void rule(boolean applies, BreakRule rule, Subject subject, String message,
      SourcePosition at) {
    if (applies) {
      breaks.add(new Break(rule, subject, message, at));
    }
  }

  private void change(Change.Kind kind, Subject subject, String description, SourcePosition at) {
    changes.add(new Change(kind, subject, description, at));
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }

  /**
   * Pairs the entries of two revisions of one table: by name, then by a previous name, then (a
   * rename nobody recorded) by number when the new entry's name is new.
   */
  static final class Matching<T> {
    private final Map<String, T> matches = new HashMap<>();
    private final Set<String> byNumberOnly = new HashSet<>();
    private final Set<T> matched = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    private final java.util.function.Function<T, String> name;

    private Matching(java.util.function.Function<T, String> name) {
      this.name = name;
    }

    static <T> Matching<T> of(List<T> old, List<T> now, java.util.function.Function<T, String> name,
        java.util.function.Function<T, List<String>> previousNames,
        java.util.function.Function<T, Long> number) {
      Matching<T> matching = new Matching<>(name);
      Map<String, T> byName = new HashMap<>();
      Map<String, T> byPrevious = new HashMap<>();
      Map<Long, T> byNumber = new HashMap<>();
      for (T entry : now) {
        byName.putIfAbsent(name.apply(entry), entry);
        previousNames.apply(entry).forEach(p -> byPrevious.putIfAbsent(p, entry));
        if (number.apply(entry) != null) {
          byNumber.putIfAbsent(number.apply(entry), entry);
        }
      }
      Set<String> oldNames = new HashSet<>();
      old.forEach(e -> oldNames.add(name.apply(e)));
      for (T entry : old) {
        T found = byName.get(name.apply(entry));
        if (found == null) {
          found = byPrevious.get(name.apply(entry));
        }
        if (found == null && number.apply(entry) != null) {
          T candidate = byNumber.get(number.apply(entry));
          if (candidate != null && !oldNames.contains(name.apply(candidate))) {
            found = candidate;
            matching.byNumberOnly.add(name.apply(entry));
          }
        }
        if (found != null && matching.matched.add(found)) {
          matching.matches.put(name.apply(entry), found);
        }
      }
      return matching;
    }

    T match(T old) {
      return matches.get(name.apply(old));
    }

    boolean matchedByNumberOnly(String oldName) {
      return byNumberOnly.contains(oldName);
    }

    boolean isMatched(T now) {
      return matched.contains(now);
    }
  }
}
