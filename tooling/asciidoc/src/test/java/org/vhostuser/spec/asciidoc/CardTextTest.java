package org.vhostuser.spec.asciidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/**
 * The text of every card and registry table of the real specification reads as written
 * sentences: no seam where registry text was joined to the words around it (a sentence that
 * starts in lower case, a clause glued to a capitalised sentence, doubled punctuation).
 */
class CardTextTest {
  private static final Pattern CELL =
      Pattern.compile("<(td|th|caption|p)\\b[^>]*>((?:(?!<(?:td|th|caption|p)\\b).)*?)</\\1>",
          Pattern.DOTALL);

  /** Each pattern finds one kind of seam; the name says which. */
  private static final Map<String, Pattern> SEAMS = Map.of(
      "a sentence that starts in lower case",
      Pattern.compile("(?<!\\b(?:e\\.g|i\\.e|etc|vs))[.!?] +[a-z]"),
      "a capitalised sentence after a semicolon", Pattern.compile("; +[A-Z][a-z]+\\b"),
      "a clause word followed by a capitalised sentence",
      Pattern.compile("\\b(?:only|when|if|unless|and|or|but|then|use|with|after) +"
          + "(?:After|Before|When|If|Unless|The|A|An|This|Only|Otherwise|Values|Padding)\\b"),
      "a sentence of the toolchain glued to a clause",
      Pattern.compile("[a-z0-9)] +(?:Values|Padding|Senders|Reserved):?\\b"),
      "doubled or stray punctuation", Pattern.compile("[.,;:] *[.,;:]| [.,;:](?:\\s|$)"),
      "doubled or stray space", Pattern.compile("  |^ | $"));

  @Test
  void noCardOrRegistryTableOfTheRealSpecificationHasASeam() {
    Registry registry = RegistryValidator.loadAndValidate(Path.of("../../spec/registry"))
        .registry();
    RegistryHtml html = new RegistryHtml(registry, Map.of());
    List<String> written = new ArrayList<>();
    registry.allMessages().forEach(m -> written.add(html.messageCard(m)));
    registry.allFeatures().forEach(f -> written.add(html.featureCard(f)));
    registry.payloads().forEach(p -> written.add(html.payloadTable(p, () -> 0)));
    registry.enums().forEach(e -> written.add(html.enumTable(e, () -> 0)));
    registry.messageTables().forEach(t -> written.add(html.messagesTable(t, () -> 0)));
    registry.featureTables().forEach(t -> written.add(html.featuresTable(t, () -> 0)));
    written.add(html.headerTables(() -> 0));
    written.add(html.limitsTable(() -> 0));

    List<String> texts = written.stream().flatMap(h -> texts(h).stream()).toList();
    assertThat(texts).hasSizeGreaterThan((int) registry.allMessages().count());
    assertThat(texts.stream().flatMap(t -> seams(t).stream()).toList()).isEmpty();
  }

  @Test
  void theSeamsOnceWrittenAreFound() {
    assertThat(seams("only After VHOST_USER_POSTCOPY_LISTEN the back-end replies"))
        .hasSize(1);
    assertThat(seams("Padding; senders write zero, receivers ignore it. reserved, zero"))
        .hasSize(1);
    assertThat(seams("access rights of the mapping Values: iotlb_perm.")).hasSize(1);
    assertThat(seams("deprecated; Back-ends disagreed on its meaning")).hasSize(1);
    assertThat(seams("the reply, e.g. the status.")).isEmpty();
    assertThat(seams("Reserved, zero. Padding; senders write zero, receivers ignore it."))
        .isEmpty();
  }

  @Test
  void sentencesAreCapitalisedOnlyWhenTheyStartWithAnOrdinaryWord() {
    assertThat(HtmlText.sentence("reserved, zero")).isEqualTo("Reserved, zero.");
    assertThat(HtmlText.sentence("log_guest_addr of the ring")).isEqualTo("log_guest_addr of the ring.");
    assertThat(HtmlText.sentence("<code>u64</code> value")).isEqualTo("<code>u64</code> value.");
    assertThat(HtmlText.sentence("Done.")).isEqualTo("Done.");
    assertThat(HtmlText.sentences("", "a", null, "b")).isEqualTo("A. B.");
  }

  /** The text of every cell, caption and paragraph, without markup. */
  private static List<String> texts(String html) {
    List<String> texts = new ArrayList<>();
    Matcher cell = CELL.matcher(html);
    while (cell.find()) {
      texts.add(cell.group(2).replaceAll("<[^>]+>", "").replace("&#8217;", "'").replace("&lt;", "<")
          .replace("&gt;", ">").replace("&amp;", "&").replace('\n', ' '));
    }
    return texts;
  }

  /** Every seam in {@code text}, as "kind: text". */
  private static List<String> seams(String text) {
    List<String> found = new ArrayList<>();
    SEAMS.forEach((kind, pattern) -> {
      if (pattern.matcher(text).find()) {
        found.add(kind + ": " + text);
      }
    });
    return found;
  }
}
