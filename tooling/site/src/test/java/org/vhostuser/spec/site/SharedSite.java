package org.vhostuser.spec.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.vhostuser.spec.asciidoc.SpecRenderer;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.validate.RegistryValidator;

/** The real site, built once for every test class of this module with one Asciidoctor. */
final class SharedSite {
  static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static SharedSite instance;

  final SpecRenderer renderer;
  final Registry registry;
  final Path site;
  final SiteBuilder.Result result;

  private SharedSite() throws IOException {
    renderer = new SpecRenderer();
    registry = RegistryValidator.loadAndValidate(ROOT.resolve("spec/registry")).registry();
    Path folder = Files.createTempDirectory("site-test");
    site = folder.resolve("site");
    result = new SiteBuilder(SiteBuilder.Layout.of(ROOT, site), "test").build(renderer, registry);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      renderer.close();
      deleteTree(folder);
    }));
  }

  static synchronized SharedSite get() {
    if (instance == null) {
      try {
        instance = new SharedSite();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the system cleans it eventually
    }
  }
}
