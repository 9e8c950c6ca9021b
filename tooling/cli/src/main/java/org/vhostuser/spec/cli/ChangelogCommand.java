package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.history.Changelog;
import org.vhostuser.spec.history.HistoryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec changelog}: the protocol changes of each release tag, as Markdown. */
@Command(name = "changelog", mixinStandardHelpOptions = true,
    description = "Print, for each release (an annotated tag vMAJOR.MINOR, newest first), the"
        + " semantic changes of the registry since the release before it, as Markdown. With"
        + " --unreleased, what HEAD adds to the newest release: the text of the next tag.")
final class ChangelogCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--since", paramLabel = "TAG",
      description = "Only the releases after this tag.")
  String since;

  @Option(names = "--unreleased",
      description = "Only what HEAD adds to the newest release (run it before tagging).")
  boolean unreleased;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the changelog to FILE instead of standard output.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (unreleased && since != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--since and --unreleased exclude each other");
    }
    if (out != null) {
      Outputs.checkFile(out, "--out", registryOption.repositoryRoot());
    }
    String text;
    try {
      text = unreleased ? Changelog.unreleasedMarkdown(Changelog.unreleased(registryOption.folder()))
          : Changelog.of(registryOption.folder(), since).markdown(since);
    } catch (HistoryException e) {
      throw new UserException(e.getMessage());
    }
    if (out == null) {
      spec.commandLine().getOut().print(text);
    } else {
      Generation.write(out, text);
    }
    return ExitCodes.OK;
  }
}
