package org.vhostuser.spec.asciidoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.JavaExtensionRegistry;
import org.vhostuser.spec.registry.Anchors;
import org.vhostuser.spec.registry.Registry;

/**
 * The {@code vu} macros of the prose, registered on one Asciidoctor instance. They read the
 * registry of the current render through a supplier, so a warm instance can re-render after the
 * registry changes. A name that does not resolve is recorded as a problem of the render.
 */
final class RegistryMacros {
  private final Supplier<Registry> registry;
  private final Supplier<Map<String, String>> releases;
  /** The writer of the latest registry and releases, reused by every macro of a render. */
  private volatile Writing writing;
  /** Per thread, so parts of a specification can render on several threads at once. */
  private final ThreadLocal<List<String>> problems = ThreadLocal.withInitial(ArrayList::new);

  RegistryMacros(Supplier<Registry> registry, Supplier<Map<String, String>> releases) {
    this.registry = registry;
    this.releases = releases;
  }

  /** Registers every macro. */
  void register(JavaExtensionRegistry extensions) {
    extensions.inlineMacro(new Reference());
    extensions.inlineMacro(new RuleOpening());
    extensions.inlineMacro(new RuleReference());
    extensions.blockMacro(html("vu-message", (doc, name, tables) -> find(name, "message",
        registry.get().allMessages().filter(m -> name.equals(m.name())).findFirst()
            .map(doc::messageCard))));
    extensions.blockMacro(html("vu-feature", (doc, name, tables) -> find(name, "feature",
        registry.get().allFeatures().filter(f -> name.equals(f.name())).findFirst()
            .map(doc::featureCard))));
    extensions.blockMacro(html("vu-payload", (doc, name, tables) -> find(name, "payload",
        registry.get().payload(name).map(p -> doc.payloadTable(p, tables)))));
    extensions.blockMacro(html("vu-enum", (doc, name, tables) -> find(name, "enum",
        registry.get().enumType(name).map(e -> doc.enumTable(e, tables)))));
    extensions.blockMacro(html("vu-messages", (doc, name, tables) -> find(name, "direction",
        registry.get().messageTables().stream()
            .filter(t -> t.direction().yamlName().equals(name)).findFirst()
            .map(t -> doc.messagesTable(t, tables)))));
    extensions.blockMacro(html("vu-features", (doc, name, tables) -> find(name, "feature space",
        registry.get().featureTables().stream()
            .filter(t -> t.kind().name().equalsIgnoreCase(name)).findFirst()
            .map(t -> doc.featuresTable(t, tables)))));
    extensions.blockMacro(html("vu-header", (doc, name, tables) ->
        Optional.of(doc.headerTables(tables))));
    extensions.blockMacro(html("vu-limits", (doc, name, tables) ->
        Optional.of(doc.limitsTable(tables))));
    extensions.blockMacro(html("vu-notes", (doc, name, tables) -> Optional.of(doc.notesList())));
  }

  /** Problems found while rendering, then forgotten: each render starts clean. */
  List<String> takeProblems() {
    List<String> taken = List.copyOf(problems.get());
    problems.get().clear();
    return taken;
  }

  private Optional<String> find(String name, String kind, Optional<String> html) {
    if (html.isEmpty()) {
      problems.get().add("no " + kind + " named '" + name + "' in the registry");
    }
    return html;
  }

  /** What a block macro writes: the HTML for its target, or nothing when it names no entry. */
  @FunctionalInterface
  private interface Writer {
    Optional<String> write(RegistryHtml registryHtml, String target, IntSupplier tableNumbers);
  }

  /**
   * A block macro whose output is HTML, passed through as it is (or nothing). Its tables take
   * their numbers from the document's table counter, in document order with the tables written
   * in AsciiDoc, and are numbered only when the document numbers tables.
   */
  private BlockMacroProcessor html(String macroName, Writer writer) {
    return new BlockMacroProcessor(macroName) {
      @Override
      public StructuralNode process(
          StructuralNode parent, String target, Map<String, Object> attributes) {
        Document document = parent.getDocument();
        IntSupplier tableNumbers = () -> document.getAttribute("table-caption") == null ? 0
            : document.getAndIncrementCounter("table-number");
        return writer.write(registryHtml(), target, tableNumbers)
            .map(text -> (StructuralNode) createBlock(parent, "pass", text))
            .orElse(null);
      }
    };
  }

  /** A registry writer with the inputs it was made from. */
  private record Writing(Registry registry, Map<String, String> releases, RegistryHtml html) {}

  /**
   * The writer for the current registry and releases, made once per registry rather than once
   * per macro (it lays out every payload when made).
   */
  private RegistryHtml registryHtml() {
    Registry current = registry.get();
    Map<String, String> firsts = releases.get();
    Writing latest = writing;
    if (latest == null || latest.registry() != current || latest.releases() != firsts) {
      latest = new Writing(current, firsts, new RegistryHtml(current, firsts));
      writing = latest;
    }
    return latest.html();
  }

  /** {@code vu:NAME[]}: a link to the entry, showing its name (or the given text). */
  private final class Reference extends InlineMacroProcessor {
    Reference() {
      super("vu");
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
      Optional<String> anchor = anchor(target);
      if (anchor.isEmpty()) {
        problems.get().add("vu:" + target + "[] names no registry entry");
      }
      String text = linkText(attributes);
      String shown = text.isBlank() ? target : text;
      return createPhraseNode(parent, "anchor", shown,
          Map.of("role", "vu-ref"), Map.of("type", ":link", "target", "#" + anchor.orElse(target)));
    }
  }

  /** An inline macro whose output is HTML, written to the page as it is. */
  private abstract static class RawInlineMacro extends InlineMacroProcessor {
    RawInlineMacro(String name) {
      super(name);
    }

    PhraseNode raw(StructuralNode parent, String html) {
      return createPhraseNode(parent, "quoted", html, Map.of(), Map.of("type", ":unquoted"));
    }
  }

  /**
   * {@code vu-rule:ID[SOURCE]}: the permalink and source label of a rule. A malformed rule is
   * reported by validate, before any render; here it only must not break the page.
   */
  private final class RuleOpening extends RawInlineMacro {
    RuleOpening() {
      super("vu-rule");
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
      String kind = "position";
      String value = "";
      for (String key : List.of("qemu", "impl", "position")) {
        if (attributes.get(key) != null) {
          kind = key;
          value = attributes.get(key).toString();
          break;
        }
      }
      if (value.isBlank()) {
        problems.get().add("vu-rule:" + target + "[] has no source");
      }
      return raw(parent, RuleHtml.opening(target, kind, value));
    }
  }

  /** {@code vu-rule-ref:ID[text]}: a link to a rule; validate checks that the rule exists. */
  private final class RuleReference extends RawInlineMacro {
    RuleReference() {
      super("vu-rule-ref");
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
      return raw(parent, RuleHtml.reference(target, linkText(attributes)));
    }
  }

  /** The text written in a macro's brackets (its first positional attribute), or "". */
  private static String linkText(Map<String, Object> attributes) {
    Object text = attributes.getOrDefault("text", attributes.get("1"));
    return text == null ? "" : text.toString();
  }

  private Optional<String> anchor(String target) {
    Registry r = registry.get();
    int dot = target.indexOf('.');
    if (dot > 0) {
      String payload = target.substring(0, dot);
      String field = target.substring(dot + 1);
      return r.payload(payload).flatMap(p -> p.fields().stream()
          .filter(f -> field.equals(f.name())).findFirst())
          .map(f -> Anchors.field(payload, field));
    }
    if (r.payload(target).isPresent()) {
      return Optional.of(Anchors.payload(target));
    }
    if (r.enumType(target).isPresent()) {
      return Optional.of(Anchors.enumType(target));
    }
    boolean constant = r.allMessages().anyMatch(m -> target.equals(m.name()))
        || r.allFeatures().anyMatch(f -> target.equals(f.name()))
        || r.enums().stream().flatMap(e -> e.members().stream()).anyMatch(m -> target.equals(m.name()))
        || r.header().flags().stream().anyMatch(f -> target.equals(f.name()))
        || r.header().limits().stream().anyMatch(l -> target.equals(l.name()));
    return constant ? Optional.of(Anchors.constant(target)) : Optional.empty();
  }

}
