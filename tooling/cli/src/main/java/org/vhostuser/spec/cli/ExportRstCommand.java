package org.vhostuser.spec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jgit.revwalk.RevCommit;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.history.GitRepository;
import org.vhostuser.spec.history.HistoryException;
import org.vhostuser.spec.history.Releases;
import org.vhostuser.spec.prose.CrossReferences;
import org.vhostuser.spec.prose.ProseScanner;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.rst.RstExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vhost-spec export-rst}: the pointer page QEMU's manual keeps in place of its copy. */
@Command(name = "export-rst", mixinStandardHelpOptions = true,
    description = "Write the docs/interop/vhost-user.rst that QEMU's Sphinx manual keeps once"
        + " the specification lives here: the vhost_user_proto label, where the specification"
        + " is and which revision QEMU follows, and one short section under each title of the"
        + " former text pointing to the same topic here (messages and features listed with"
        + " their numbers), so old links keep working. See GOVERNANCE.md.")
final class ExportRstCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the page to FILE (for example qemu/docs/interop/vhost-user.rst)"
          + " instead of standard output.")
  Path out;

  @Option(names = "--site", paramLabel = "URL", defaultValue = "${env:CI_PAGES_URL:-"
      + "https://vhost-user.gitlab.io/spec}",
      description = "The published specification (default: GitLab's CI_PAGES_URL, else"
          + " ${DEFAULT-VALUE}).")
  String site;

  @Option(names = "--repository", paramLabel = "URL", defaultValue = "${env:CI_PROJECT_URL:-"
      + "https://gitlab.com/vhost-user/spec}",
      description = "The specification's repository (default: GitLab's CI_PROJECT_URL, else"
          + " ${DEFAULT-VALUE}).")
  String repository;

  @Option(names = "--revision", paramLabel = "TEXT",
      description = "The revision QEMU follows (default: the release tag of HEAD, else its"
          + " commit id).")
  String revision;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (out != null) {
      Outputs.checkFile(out, "--out", registryOption.repositoryRoot());
    }
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> registry = ValidRegistry.loadWithProse(registryOption, err,
        "no page written");
    if (registry.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    Map<String, String> titles = new java.util.HashMap<>();
    java.util.Set<String> anchors = java.util.Set.of();
    Optional<Path> prose = registryOption.proseIndex();
    if (prose.isPresent()) {
      var index = ProseScanner.scan(prose.get(), new Diagnostics());
      titles.putAll(CrossReferences.sectionTitles(index));
      anchors = CrossReferences.anchors(index);
    }
    int missing = 0;
    for (RstExport.FormerSection section : RstExport.formerSections()) {
      // An anchor on a paragraph has no title of its own: the link shows the former title.
      titles.putIfAbsent(section.anchor(), section.title());
      if (!anchors.contains(section.anchor())) {
        err.println("vhost-spec: '" + section.title() + "' of QEMU's former text points to"
            + " '" + section.anchor() + "', which no anchor of the prose defines");
        missing++;
      }
    }
    if (missing > 0) {
      err.println("vhost-spec: no page written: " + missing + " former section(s) point nowhere");
      return ExitCodes.PROBLEMS;
    }
    String page = RstExport.write(registry.get(), site.endsWith("/") ? site : site + "/",
        repository, revision != null ? revision : headRevision(), titles);
    if (out == null) {
      spec.commandLine().getOut().print(page);
    } else {
      Generation.write(out, page);
      spec.commandLine().getOut().println(out + ": written");
    }
    return ExitCodes.OK;
  }

  /** The release tag of HEAD, or HEAD's commit id; "unknown" outside a git checkout. */
  private String headRevision() throws IOException {
    try (GitRepository git = GitRepository.open(registryOption.folder())) {
      RevCommit head = git.resolve("HEAD");
      for (Releases.Release release : Releases.list(git)) {
        if (release.commit().equals(head)) {
          return release.tag();
        }
      }
      return head.abbreviate(12).name();
    } catch (HistoryException e) {
      return "unknown";
    }
  }
}
