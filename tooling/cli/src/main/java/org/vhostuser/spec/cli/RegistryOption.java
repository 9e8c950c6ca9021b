package org.vhostuser.spec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vhostuser.spec.prose.SpecCheck;
import picocli.CommandLine.Option;

/**
 * The shared {@code --registry DIR} and {@code --prose FILE} options, with the checks that they
 * exist. The prose defaults to {@code index.adoc} beside the registry folder, when there is one.
 */
final class RegistryOption {
  @Option(names = "--registry", paramLabel = "DIR", defaultValue = "spec/registry",
      description = "The registry folder (default: ${DEFAULT-VALUE}).")
  Path registry;

  @Option(names = "--prose", paramLabel = "FILE",
      description = "The prose index file checked against the registry (default: index.adoc in"
          + " the registry folder's parent, when it exists).")
  Path prose;

  /** The repository root: the folder above {@code spec/} (the registry's grandparent). */
  Path repositoryRoot() {
    return folder().toAbsolutePath().normalize().getParent().getParent();
  }

  /** The prose index to check, if any. */
  Optional<Path> proseIndex() {
    if (prose == null) {
      return SpecCheck.defaultProse(folder());
    }
    if (!Files.isRegularFile(prose)) {
      throw new UserException("no prose file at " + prose);
    }
    return Optional.of(prose);
  }

  /** The registry folder, or a one-line user error when it is not a folder. */
  Path folder() {
    if (!Files.exists(registry)) {
      throw new UserException("no registry folder at " + registry
          + " (run from the repository root, or pass --registry DIR)");
    }
    if (!Files.isDirectory(registry)) {
      throw new UserException(registry + " is a file; --registry needs the registry folder");
    }
    return registry;
  }
}
