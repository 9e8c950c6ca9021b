package org.vhostuser.spec.registry.validate;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.load.AcceptedBreaksLoader;
import org.vhostuser.spec.registry.load.InputFiles;
import org.vhostuser.spec.registry.load.RegistryLoader;
import org.vhostuser.spec.registry.load.YamlSource;

/** Runs every registry rule and returns all diagnostics, sorted. A pure function of the model. */
public final class RegistryValidator {
  private static final List<Rule> RULES =
      List.of(
          new NameRules(),
          new NumberRules(),
          new ReferenceRules(),
          new PayloadRules(),
          new EnumRules(),
          new FeatureCycleRule(),
          new EnablesRule(),
          new LifecycleRules(),
          new ReservationRules(),
          new MessageRules(),
          new WireRulesCheck());

  private RegistryValidator() {}

  /** A loaded registry with every problem found while loading and validating it. */
  public record Checked(Registry registry, List<Diagnostic> diagnostics) {
    public Checked {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Loads the registry folder and validates it: the whole of {@code vhost-spec validate}. */
  public static Checked loadAndValidate(Path folder) {
    Diagnostics out = new Diagnostics();
    Registry registry = RegistryLoader.load(folder, out);
    out.addAll(validate(registry));
    Path approvals = folder.resolve(RegistryFiles.ACCEPTED_BREAKS);
    if (Files.exists(approvals, LinkOption.NOFOLLOW_LINKS)) {
      try {
        AcceptedBreaksLoader.load(approvals,
            InputFiles.read(approvals, folder, YamlSource.MAX_BYTES, "registry files"), out);
      } catch (InputFiles.Refused e) {
        out.error(SourcePosition.ofFile(approvals), e.code(), e.getMessage());
      }
    }
    return new Checked(registry, out.sorted());
  }

  /** Every problem the rules find in {@code registry}. */
  public static List<Diagnostic> validate(Registry registry) {
    Diagnostics out = new Diagnostics();
    RULES.forEach(rule -> rule.check(registry, out));
    return out.sorted();
  }
}
