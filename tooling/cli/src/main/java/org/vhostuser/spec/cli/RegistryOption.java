package org.vhostuser.spec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --registry DIR} option, with the check that the folder exists. */
final class RegistryOption {
  @Option(names = "--registry", paramLabel = "DIR", defaultValue = "spec/registry",
      description = "The registry folder (default: ${DEFAULT-VALUE}).")
  Path registry;

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
