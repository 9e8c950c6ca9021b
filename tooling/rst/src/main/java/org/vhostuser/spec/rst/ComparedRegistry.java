package org.vhostuser.spec.rst;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.RegistryFiles;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.load.RegistryLoader;

/**
 * Loads the registry tables compare-rst reads: the two message tables and the protocol
 * features. Only errors in those three files count, and not the missing keys a vhost-user.rst
 * cannot supply (summary, replies), so a folder written by import-rst can be compared too.
 */
public final class ComparedRegistry {
  /** The tables compare-rst reads. */
  public static final Set<String> TABLES =
      Set.of(RegistryFiles.FRONT_END, RegistryFiles.BACK_END, RegistryFiles.PROTOCOL_FEATURES);

  /** The registry as loaded, and the errors that make it unfit for comparing. */
  public record Loaded(Registry registry, List<Diagnostic> errors) {
    public Loaded {
      errors = List.copyOf(errors);
    }
  }

  private ComparedRegistry() {}

  /** Loads {@code folder}. */
  public static Loaded load(Path folder) {
    Diagnostics out = new Diagnostics();
    Registry registry = RegistryLoader.load(folder, out);
    List<Diagnostic> errors = new ArrayList<>();
    for (Diagnostic d : out.sorted()) {
      if (d.severity() == Severity.ERROR && d.file().getFileName() != null
          && TABLES.contains(d.file().getFileName().toString()) && !isDescriptiveKey(d)) {
        errors.add(d);
      }
    }
    return new Loaded(registry, errors);
  }

  private static boolean isDescriptiveKey(Diagnostic d) {
    return d.code() == Code.MISSING_KEY && (d.message().startsWith("missing required key 'summary'")
        || d.message().startsWith("missing required key 'replies'"));
  }
}
