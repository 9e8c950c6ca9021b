package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vhostuser.spec.history.CommitCheck;
import org.vhostuser.spec.history.HistoryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vhost-spec check-commits}: sign-off and a valid registry at every commit of a range. */
@Command(name = "check-commits", mixinStandardHelpOptions = true,
    description = "Check every commit of BASE..HEAD: it carries a Signed-off-by line from its"
        + " author (merge commits excepted), and the registry validates at that commit.")
final class CheckCommitsCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Parameters(arity = "0..1", paramLabel = "BASE..HEAD",
      description = "The commits to check, for example origin/main..HEAD (BASE alone means"
          + " BASE..HEAD; default: the merge request's diff base in GitLab CI, else"
          + " origin/main, up to HEAD).")
  String range;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CommitCheck.Result result;
    try {
      result = CommitCheck.check(registryOption.folder(),
          range != null ? range : TargetBranch.current() + "..HEAD");
    } catch (HistoryException e) {
      throw new UserException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    result.problems().forEach(p -> out.println(p.format()));
    out.println(result.commits() + " commit" + (result.commits() == 1 ? "" : "s") + " checked, "
        + result.problems().size() + " problem" + (result.problems().size() == 1 ? "" : "s"));
    return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }
}
