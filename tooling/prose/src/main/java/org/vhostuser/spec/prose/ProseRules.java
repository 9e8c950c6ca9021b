package org.vhostuser.spec.prose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Spelling;
import org.vhostuser.spec.registry.Status;
import org.vhostuser.spec.prose.RegistryNames.Kind;

/**
 * The rules that hold prose and registry together: every macro resolves, every message and
 * feature has exactly one card, and no id or bit is typed next to its name by hand.
 */
public final class ProseRules {
  /** A registry-style constant name in running text. */
  static final Pattern CONSTANT_NAME = Pattern.compile("\\b(VHOST|VIRTIO)_[A-Z0-9_]+\\b");
  /** A number: decimal or hexadecimal. */
  static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(0[xX][0-9a-fA-F]+|\\d+)(?![\\w.])");
  /** A cross-reference: {@code <<id>>}, {@code <<id,text>>} or {@code xref:id[...]}. */
  static final Pattern CROSS_REFERENCE =
      Pattern.compile("<<([\\w.:-]+)(?:,[^>]*)?>>|xref:#?([\\w.:-]+)\\[");
  /** How far from a name a typed number counts as "next to" it. */
  static final int NEARBY = 24;

  private ProseRules() {}

  /** Every problem found between {@code registry} and the prose {@code index}. */
  public static List<Diagnostic> check(Registry registry, ProseIndex index) {
    Diagnostics out = new Diagnostics();
    RegistryNames names = new RegistryNames(registry);
    checkReferences(index, names, out);
    checkCards(registry, index, out);
    checkBareNumbers(index, names, out);
    checkCrossReferences(index, names, out);
    RuleChecks.check(index, out);
    RuleChecks.checkCitations(registry, index, out);
    out.addAll(CrossReferences.check(index, registryAnchors(names)));
    return out.sorted();
  }

  private static void checkReferences(ProseIndex index, RegistryNames names, Diagnostics out) {
    for (MacroUse use : index.macros()) {
      switch (use.macro()) {
        case RULE_REFERENCE -> { } // checked with the rules, see RuleChecks
        case REFERENCE -> expect(out, use, names.all(), names.kind(use.target()) != null, "entry");
        case MESSAGE_CARD -> expectKind(out, use, names, Kind.MESSAGE, "message");
        case FEATURE_CARD -> expectKind(out, use, names, Kind.FEATURE, "feature");
        case PAYLOAD_TABLE -> expectKind(out, use, names, Kind.PAYLOAD, "payload");
        case ENUM_TABLE -> expectKind(out, use, names, Kind.ENUM, "enum");
        case MESSAGES_TABLE -> expect(out, use, Set.of("front-end", "back-end"),
            Set.of("front-end", "back-end").contains(use.target()), "direction");
        case FEATURES_TABLE -> expect(out, use, Set.of("protocol", "virtio"),
            Set.of("protocol", "virtio").contains(use.target()), "feature space");
        case HEADER_TABLE, LIMITS_TABLE, NOTES_LIST -> expect(out, use, Set.of(""), use.target().isEmpty(),
            "empty target");
      }
    }
  }

  private static void expectKind(
      Diagnostics out, MacroUse use, RegistryNames names, Kind kind, String what) {
    expect(out, use, names.of(kind), names.kind(use.target()) == kind, what);
  }

  private static void expect(
      Diagnostics out, MacroUse use, Set<String> candidates, boolean ok, String what) {
    if (!ok) {
      out.error(use.at(), Code.PROSE_UNRESOLVED_REFERENCE, use.macro().macroName() + ":"
          + (use.macro().isBlock() ? ":" : "") + use.target() + "[] names no registry " + what
          + Spelling.suggestion(use.target(), candidates));
    }
  }

  private static void checkCards(Registry registry, ProseIndex index, Diagnostics out) {
    Map<String, SourcePosition> messageCards = cards(index.uses(Macro.MESSAGE_CARD), out);
    Map<String, SourcePosition> featureCards = cards(index.uses(Macro.FEATURE_CARD), out);
    Map<String, SourcePosition> payloadTables = cards(index.uses(Macro.PAYLOAD_TABLE), out);
    Map<String, SourcePosition> enumTables = cards(index.uses(Macro.ENUM_TABLE), out);
    cards(index.uses(Macro.HEADER_TABLE), out);
    cards(index.uses(Macro.LIMITS_TABLE), out);
    cards(index.uses(Macro.NOTES_LIST), out);
    if (index.includes().stream().anyMatch(include -> !include.exists())) {
      return; // cards are likely in the missing file; its own diagnostic says so
    }
    // A reservation holds only a number; its card comes with the proposal that fills it in.
    registry.allMessages().filter(m -> m.name() != null && m.status() != Status.RESERVED
        && !messageCards.containsKey(m.name()))
        .forEach((Message m) -> missing(out, m.at(), m.name(), "card", Macro.MESSAGE_CARD));
    registry.allFeatures().filter(f -> f.name() != null && f.status() != Status.RESERVED
        && !featureCards.containsKey(f.name()))
        .forEach((Feature f) -> missing(out, f.at(), f.name(), "card", Macro.FEATURE_CARD));
    java.util.Set<String> reserved = new java.util.HashSet<>();
    registry.allMessages().filter(m -> m.status() == Status.RESERVED
        && !messageCards.containsKey(m.name())).forEach(m -> reserved.add(m.name()));
    registry.allFeatures().filter(f -> f.status() == Status.RESERVED
        && !featureCards.containsKey(f.name())).forEach(f -> reserved.add(f.name()));
    index.uses(Macro.REFERENCE).stream().filter(use -> reserved.contains(use.target()))
        .forEach(use -> out.error(use.at(), Code.PROSE_UNRESOLVED_REFERENCE, "vu:" + use.target()
            + "[] names a reserved entry, which has no card to link to; name it in plain text"
            + " (`" + use.target() + "`) until its proposal adds the card"));
    registry.payloads().stream().filter(p -> p.name() != null && !payloadTables.containsKey(p.name()))
        .forEach(p -> missing(out, p.at(), p.name(), "layout table", Macro.PAYLOAD_TABLE));
    registry.enums().stream().filter(e -> e.name() != null && !enumTables.containsKey(e.name()))
        .forEach(e -> missing(out, e.at(), e.name(), "table", Macro.ENUM_TABLE));
  }

  private static void missing(
      Diagnostics out, SourcePosition at, String name, String what, Macro macro) {
    out.error(at, Code.PROSE_MISSING_CARD, name + " has no " + what + " in the prose; add "
        + macro.macroName() + "::" + name + "[] to its chapter");
  }

  private static Map<String, SourcePosition> cards(List<MacroUse> uses, Diagnostics out) {
    Map<String, SourcePosition> first = new HashMap<>();
    for (MacroUse use : uses) {
      SourcePosition earlier = first.putIfAbsent(use.target(), use.at());
      if (earlier != null) {
        String name = use.target().isEmpty() ? use.macro().macroName() + "::[]" : use.target();
        out.error(use.at(), Code.PROSE_DUPLICATE_CARD, name + " is already rendered at "
            + earlier.file() + ":" + earlier.line() + "; each entry appears exactly once");
      }
    }
    return first;
  }

  private static void checkBareNumbers(ProseIndex index, RegistryNames names, Diagnostics out) {
    for (ProseLine line : index.lines()) {
      Matcher name = CONSTANT_NAME.matcher(line.text());
      while (name.find()) {
        Kind kind = names.kind(name.group());
        if (kind == null || !RegistryNames.isNumbered(kind)) {
          continue;
        }
        long number = names.number(name.group());
        int from = Math.max(0, name.start() - NEARBY);
        int to = Math.min(line.text().length(), name.end() + NEARBY);
        Matcher typed = NUMBER.matcher(line.text()).region(from, to);
        while (typed.find()) {
          if (typed.start() >= name.start() && typed.end() <= name.end()) {
            continue;
          }
          if (parse(typed.group()) == number) {
            out.error(new SourcePosition(line.file(), line.line(), typed.start() + 1),
                Code.PROSE_BARE_NUMBER, (kind == Kind.MESSAGE ? "id " : "bit ") + typed.group()
                    + " of " + name.group() + " is typed by hand; the registry supplies it"
                    + " (use the card or vu:" + name.group() + "[])");
          }
        }
      }
    }
  }

  /**
   * A cross-reference to a registry entry's anchor instead of {@code vu:NAME[]}: the entry's
   * card or table is HTML the registry writes, so Asciidoctor knows no title for it and the
   * reference would show its bare anchor.
   */
  private static void checkCrossReferences(
      ProseIndex index, RegistryNames names, Diagnostics out) {
    Map<String, String> anchors = anchorsOf(names);
    for (ProseLine line : index.lines()) {
      if (line.verbatim()) {
        continue;
      }
      Matcher reference = CROSS_REFERENCE.matcher(line.text());
      while (reference.find()) {
        String anchor = reference.group(1) != null ? reference.group(1) : reference.group(2);
        String name = anchors.get(anchor);
        if (name != null) {
          out.error(new SourcePosition(line.file(), line.line(), reference.start() + 1),
              Code.PROSE_XREF_TO_REGISTRY, "cross-reference to '" + anchor + "', the anchor of "
                  + name + "; write vu:" + name + "[] instead (or vu:" + name + "[text])");
        }
      }
    }
  }

  /** The anchor of every registry entry's card or table, with the entry's name. */
  private static Map<String, String> anchorsOf(RegistryNames names) {
    Map<String, String> anchors = new HashMap<>();
    for (String name : names.all()) {
      anchors.put(switch (names.kind(name)) {
        case PAYLOAD -> Anchors.payload(name);
        case FIELD -> Anchors.field(name.substring(0, name.indexOf('.')),
            name.substring(name.indexOf('.') + 1));
        case ENUM -> Anchors.enumType(name);
        default -> Anchors.constant(name);
      }, name);
    }
    return anchors;
  }

  private static Set<String> registryAnchors(RegistryNames names) {
    return anchorsOf(names).keySet();
  }

  private static long parse(String number) {
    try {
      return number.startsWith("0x") || number.startsWith("0X")
          ? Long.parseLong(number.substring(2), 16) : Long.parseLong(number);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
