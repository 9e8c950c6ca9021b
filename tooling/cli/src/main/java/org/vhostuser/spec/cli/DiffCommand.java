package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.history.ChangedPaths;
import org.vhostuser.spec.history.HistoryException;
import org.vhostuser.spec.history.Review;
import org.vhostuser.spec.history.ReviewFormat;
import org.vhostuser.spec.maintainers.MaintainersFile;
import org.vhostuser.spec.maintainers.Section;
import org.vhostuser.spec.prose.SpecCheck;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vhost-spec diff}: what a change does to the protocol, and whether it breaks anyone. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare the registry where the change started (the merge base of BASE and"
        + " HEAD) with HEAD (a revision, or the working tree when omitted): semantic changes, breaking-change rules (approved only by entries the"
        + " change adds to spec/registry/accepted-breaks.yaml), validation of HEAD and the"
        + " change to the generated files. Exit 1 on an unapproved break or a validation error.")
final class DiffCommand implements Callable<Integer> {
  @Mixin RegistryOption registryOption;

  @Parameters(index = "0", arity = "0..1", paramLabel = "BASE",
      description = "The target to compare with: a commit, branch or tag. The change is what HEAD"
          + " adds to the merge base of BASE and HEAD, as in a merge request (default: the merge"
          + " request's diff base in GitLab CI, else origin/main).")
  String base;

  @Parameters(index = "1", arity = "0..1", paramLabel = "HEAD",
      description = "The revision under review (default: the working tree, whose prose is"
          + " then validated too).")
  String head;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Format of standard output: text, markdown, json, codequality, email"
          + " (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--report", paramLabel = "FORMAT=FILE",
      description = "Also write the review in FORMAT to FILE (repeatable), for example"
          + " --report markdown=build/review.md --report codequality=gl-code-quality.json.")
  Map<String, Path> reports = new LinkedHashMap<>();

  @Option(names = "--strict",
      description = "Also fail on warnings (renames that drop the old name).")
  boolean strict;

  @Option(names = "--preview-url", paramLabel = "URL",
      description = "Where this change's rendered site is (ending in /): the markdown review"
          + " links every new or changed card there. CI passes its job artifacts' address.")
  String previewUrl;

  @Option(names = "--title", paramLabel = "TEXT",
      description = "The change's title (the merge request's), for the e-mail's subject.")
  String title;

  @Option(names = "--link", paramLabel = "URL",
      description = "Where the change is discussed (the merge request), for the e-mail.")
  String link;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ReviewFormat shown = format(format, "--format");
    Map<Path, ReviewFormat> files = new LinkedHashMap<>();
    reports.forEach((name, file) -> files.put(file, format(name, "--report")));
    files.keySet().forEach(file -> Outputs.checkFile(file, "--report",
        registryOption.repositoryRoot()));
    Review review;
    try {
      review = Review.of(registryOption.folder(), base != null ? base : TargetBranch.current(),
          head);
    } catch (HistoryException e) {
      throw new UserException(e.getMessage());
    }
    if (head == null) {
      // The working tree's prose is checked too, so the review holds every validation finding.
      review = review.withValidation(SpecCheck.run(registryOption.folder(),
          registryOption.proseIndex()).diagnostics().stream()
          .filter(d -> d.code().id().startsWith("prose-")).toList());
    }
    review = review.withContext(context(base != null ? base : TargetBranch.current()));
    for (Map.Entry<Path, ReviewFormat> report : files.entrySet()) {
      Generation.write(report.getKey(), report.getValue().write(review));
    }
    spec.commandLine().getOut().print(shown.write(review));
    boolean warned = review.verdict().findings().stream()
        .anyMatch(f -> f.approval() == null && !f.found().rule().breaksPeers());
    return review.fails() || (strict && warned) ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  /**
   * The review's context: the preview address, and who must approve (the M: of MAINTAINERS for
   * the files the change touches) and whom to copy (their R: and L:). Without a readable,
   * valid MAINTAINERS file the review simply names nobody.
   */
  private Review.Context context(String target) throws IOException {
    String preview = previewUrl == null || previewUrl.isBlank() ? null
        : previewUrl.endsWith("/") ? previewUrl : previewUrl + "/";
    Path root = registryOption.repositoryRoot();
    Path maintainers = root.resolve("MAINTAINERS");
    if (head != null || !Files.isRegularFile(maintainers)) {
      return new Review.Context(preview, List.of(), List.of(), title, link);
    }
    Diagnostics out = new Diagnostics();
    List<Section> sections = MaintainersFile.read(maintainers, out);
    List<String> paths;
    try {
      paths = ChangedPaths.since(root, target);
    } catch (HistoryException e) {
      paths = List.of();
    }
    if (out.sorted().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
      return new Review.Context(preview, List.of(), List.of(), title, link);
    }
    List<String> approvers = new ArrayList<>();
    MaintainersCommand.people(sections, paths, "M").forEach((who, roles) ->
        approvers.add(who + " (" + String.join("; ", roles) + ")"));
    List<String> copied = new ArrayList<>();
    MaintainersCommand.people(sections, paths, "RL").forEach((who, roles) ->
        copied.add(who + " (" + String.join("; ", roles) + ")"));
    return new Review.Context(preview, approvers, copied, title, link);
  }

  private ReviewFormat format(String name, String option) {
    for (ReviewFormat candidate : ReviewFormat.values()) {
      if (candidate.optionName().equals(name.toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for "
        + option + ": '" + name + "' (expected one of text, markdown, json, codequality, email)");
  }
}
