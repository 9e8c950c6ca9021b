package org.vhostuser.spec.prose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vhostuser.spec.registry.SourcePosition;

/**
 * One normative statement of the prose, opened by {@code vu-rule:ID[SOURCE]}: its id, the
 * attributes written in its brackets, its text (from the macro to the next rule or the end of its
 * paragraph or list item, as AsciiDoc source) and where the macro was written.
 */
public record Rule(String id, Map<String, String> attributes, String text, SourcePosition at) {
  public Rule {
    attributes = Map.copyOf(attributes);
  }

  /** The sources the brackets name, in the order of {@link RuleSource.Kind}; valid when one. */
  public List<RuleSource> sources() {
    List<RuleSource> sources = new ArrayList<>();
    for (RuleSource.Kind kind : RuleSource.Kind.values()) {
      String value = attributes.get(kind.key());
      if (value != null) {
        sources.add(new RuleSource(kind, value.strip()));
      }
    }
    return sources;
  }

  /** The one source of a well-formed rule. */
  public Optional<RuleSource> source() {
    List<RuleSource> sources = sources();
    return sources.size() == 1 && !sources.get(0).value().isEmpty()
        ? Optional.of(sources.get(0)) : Optional.empty();
  }
}
