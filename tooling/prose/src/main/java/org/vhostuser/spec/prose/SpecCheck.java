package org.vhostuser.spec.prose;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** The whole of {@code vhost-spec validate}: the registry, then the prose against it. */
public final class SpecCheck {
  /** The outcome: the registry, the prose index when prose was checked, every diagnostic. */
  public record Result(
      RegistryValidator.Checked registry, Optional<ProseIndex> prose, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private SpecCheck() {}

  /**
   * The prose index file that goes with a registry folder: {@code index.adoc} in its parent
   * folder ({@code spec/index.adoc} for {@code spec/registry}), when it exists.
   */
  public static Optional<Path> defaultProse(Path registryFolder) {
    Path parent = registryFolder.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      return Optional.empty();
    }
    Path index = registryFolder.resolve("..").resolve("index.adoc").normalize();
    // Anything of that name is scanned, so that a FIFO or a link out is reported, not skipped.
    return Files.exists(index, LinkOption.NOFOLLOW_LINKS) ? Optional.of(index) : Optional.empty();
  }

  /**
   * Validates the registry folder and, when given, the prose starting at {@code proseIndex}. The
   * prose is scanned on a second thread while the registry loads: the two do not depend on each
   * other, and a short run is mostly a cold JVM doing both.
   */
  public static Result run(Path registryFolder, Optional<Path> proseIndex) {
    Diagnostics proseDiagnostics = new Diagnostics();
    CompletableFuture<Optional<ProseIndex>> scan = CompletableFuture.supplyAsync(
        () -> proseIndex.map(file -> ProseScanner.scan(file, proseDiagnostics)));
    RegistryValidator.Checked registry = RegistryValidator.loadAndValidate(registryFolder);
    Optional<ProseIndex> prose = scan.join();
    Diagnostics out = new Diagnostics();
    out.addAll(registry.diagnostics());
    out.addAll(proseDiagnostics.sorted());
    prose.ifPresent(index -> out.addAll(ProseRules.check(registry.registry(), index)));
    prose.ifPresent(index -> out.addAll(AllowedMarkup.check(index, proseIndex.get())));
    return new Result(registry, prose, out.sorted());
  }
}
