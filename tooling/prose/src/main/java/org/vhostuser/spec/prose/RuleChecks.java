package org.vhostuser.spec.prose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.WireRules;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.Spelling;

/**
 * The rules about rules: every upper-case RFC 2119 keyword stands inside a {@code vu-rule}, every
 * rule has a well-formed, unique id and exactly one source, and every {@code vu-rule-ref} names a
 * rule.
 */
final class RuleChecks {
  /** Lower-case words (letters and digits) joined by single dashes, starting with a letter. */
  static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  private RuleChecks() {}

  static void check(ProseIndex index, Diagnostics out) {
    for (LooseKeyword keyword : index.looseKeywords()) {
      out.error(keyword.at(), Code.PROSE_KEYWORD_OUTSIDE_RULE, "'" + keyword.keyword()
          + "' outside a rule: start the statement with vu-rule:ID[qemu=\"...\"|impl=\"...\""
          + "|position=\"...\"], or write it in lower case if it is not normative");
    }
    Map<String, SourcePosition> defined = new HashMap<>();
    for (Rule rule : index.rules()) {
      if (!ID.matcher(rule.id()).matches()) {
        out.error(rule.at(), Code.PROSE_RULE_ID, "rule id '" + rule.id() + "' must be lower-case"
            + " words joined by dashes, for example ring-start-needs-addresses");
      }
      SourcePosition first = defined.putIfAbsent(rule.id(), rule.at());
      if (first != null) {
        out.error(rule.at(), Code.PROSE_DUPLICATE_RULE, "rule '" + rule.id()
            + "' is already defined at " + first.file() + ":" + first.line()
            + "; each rule has its own id, and a rule is said once (link to it with vu-rule-ref:"
            + rule.id() + "[])");
      }
      checkSource(rule, out);
    }
    for (MacroUse use : index.uses(Macro.RULE_REFERENCE)) {
      if (!defined.containsKey(use.target())) {
        out.error(use.at(), Code.PROSE_UNRESOLVED_REFERENCE, "vu-rule-ref:" + use.target()
            + "[] names no rule" + Spelling.suggestion(use.target(), defined.keySet()));
      }
    }
  }

  /** Every rule id the registry's wire rules, requirements and quirks cite is defined here. */
  static void checkCitations(Registry registry, ProseIndex index, Diagnostics out) {
    java.util.Set<String> defined = index.rules().stream().map(Rule::id)
        .collect(Collectors.toSet());
    for (WireRules.Citation citation : WireRules.citations(registry)) {
      if (!defined.contains(citation.rule())) {
        out.error(citation.at(), Code.UNKNOWN_RULE_ID, "rule '" + citation.rule()
            + "' is not defined in the prose; define it with vu-rule:" + citation.rule()
            + "[...] where its topic lives" + Spelling.suggestion(citation.rule(), defined));
      }
    }
  }

  private static void checkSource(Rule rule, Diagnostics out) {
    String kinds = "qemu=\"section of QEMU's text\", impl=\"implementations and where\" or"
        + " position=\"the reason\"";
    List<String> unknown = rule.attributes().keySet().stream()
        .filter(key -> RuleSource.Kind.ofKey(key).isEmpty()).toList();
    List<RuleSource> sources = rule.sources();
    String problem;
    if (!unknown.isEmpty()) {
      problem = "has " + unknown.stream().map(k -> k.isEmpty() ? "text without a key" : "'" + k
          + "='").collect(Collectors.joining(", ")) + ", which is not a rule source; write " + kinds;
    } else if (sources.isEmpty()) {
      problem = "has no source; write " + kinds;
    } else if (sources.size() > 1) {
      problem = "names " + sources.size() + " sources (" + sources.stream()
          .map(s -> s.kind().key()).collect(Collectors.joining(", ")) + "); a rule has exactly one";
    } else if (sources.get(0).value().isEmpty()) {
      problem = "has an empty " + sources.get(0).kind().key() + "= source";
    } else {
      return;
    }
    out.error(rule.at(), Code.PROSE_RULE_WITHOUT_SOURCE, "rule '" + rule.id() + "' " + problem);
  }
}
