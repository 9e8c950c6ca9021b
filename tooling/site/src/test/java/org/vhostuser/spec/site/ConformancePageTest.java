package org.vhostuser.spec.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.vhostuser.spec.registry.Quirk;
import org.vhostuser.spec.registry.Quirks;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.WireRules;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** The conformance page shows what quirks.yaml and wire-rules.yaml of the real registry say. */
class ConformancePageTest {
  static final Registry REGISTRY =
      RegistryValidator.loadAndValidate(Path.of("../../spec/registry")).registry();

  @Test
  void everyCheckedImplementationQuirkAndCitedRuleIsOnThePage() {
    Document page = Jsoup.parse(ConformancePage.body(REGISTRY));

    assertThat(REGISTRY.quirks().checked()).isNotEmpty();
    for (Quirks.Checked checked : REGISTRY.quirks().checked()) {
      String row = page.getElementById("checked-" + checked.implementation() + "-"
          + checked.side().yamlName()).text();
      assertThat(row).contains(checked.implementation(), String.join(", ", checked.versions()),
          checked.test());
    }
    String quirks = page.select("h2#quirks ~ table").text();
    for (Quirk quirk : REGISTRY.quirks().entries()) {
      assertThat(quirks).contains(quirk.implementation(), quirk.does(), quirk.source().path());
    }
    assertThat(page.select("h2#rules + p a").eachAttr("href")).containsExactlyElementsOf(
        WireRules.citedRules(REGISTRY).stream().map(id -> "index.html#rule-" + id).toList());
  }

  @Test
  void aRuleBrokenByAQuirkOfACheckedVersionIsNotCountedAsMet() {
    Document page = Jsoup.parse(ConformancePage.body(REGISTRY));
    int rules = WireRules.citedRules(REGISTRY).size();
    for (Quirks.Checked checked : REGISTRY.quirks().checked()) {
      long broken = REGISTRY.quirks().entries().stream()
          .filter(q -> q.implementation().equals(checked.implementation())
              && checked.versions().stream().anyMatch(q::covers))
          .map(Quirk::rule).distinct().count();
      assertThat(page.getElementById("checked-" + checked.implementation() + "-"
          + checked.side().yamlName()).text()).contains((rules - broken) + " of " + rules + " met");
    }
  }
}
