package org.vhostuser.spec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a shell executor (gitlab-ci-local) cannot check about {@code .gitlab-ci.yml}, checked
 * statically: each job's image is Debian 12 (bookworm); every package a job installs (through
 * {@code .ci/install}, the only way) is in the reviewed index of that distribution; every job
 * that runs the launcher gets the jar from an earlier job of the same pipeline; and the rules
 * give the merge-request, main-branch and release-tag pipelines the jobs CONTRIBUTING.md's table
 * promises.
 */
class PipelineTest {
  static final Path ROOT = Path.of("../..");
  /** The distribution of each image a job may use; the index of that distribution is checked. */
  static final Map<String, String> IMAGE_DISTRIBUTIONS = Map.of("debian:bookworm", "bookworm");
  static final Pattern LAUNCHER = Pattern.compile("(^|[\\s;&|(])\\./vhost-spec\\b");
  static final Pattern MAVEN = Pattern.compile("(^|[\\s;&|(])mvn\\s");
  static final Pattern WEB = Pattern.compile("\\.ci/post-review-note\\b|(^|[\\s;&|(])curl\\s");
  static final Pattern GIT = Pattern.compile("(^|[\\s;&|(])git\\s");
  static final Pattern INSTALL = Pattern.compile("\\.ci/install((?:[ \\t]+[a-z][a-z0-9-]*)*)");
  static final Pattern OTHER_INSTALL = Pattern.compile(
      "\\bapt-get\\b|\\bapt\\s+install\\b|\\bdpkg\\s+-i\\b|\\bnpm\\s+(install|i|ci)\\b"
          + "|\\bpip3?\\s+install\\b|\\bcurl\\b[^\\n]*\\|\\s*(ba)?sh\\b");

  /** The pipelines CONTRIBUTING.md makes promises about, with GitLab's variables for each. */
  enum Pipeline {
    MERGE_REQUEST(Map.of("CI_PIPELINE_SOURCE", "merge_request_event", "CI_DEFAULT_BRANCH", "main",
        "CI_MERGE_REQUEST_IID", "7", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "topic", "CI_COMMIT_REF_NAME", "topic")),
    MAIN(Map.of("CI_PIPELINE_SOURCE", "push", "CI_DEFAULT_BRANCH", "main",
        "CI_COMMIT_BRANCH", "main", "CI_COMMIT_REF_NAME", "main")),
    RELEASE_TAG(Map.of("CI_PIPELINE_SOURCE", "push", "CI_DEFAULT_BRANCH", "main",
        "CI_COMMIT_TAG", "v1.2", "CI_COMMIT_REF_NAME", "v1.2"));

    final Map<String, String> variables;

    Pipeline(Map<String, String> variables) {
      this.variables = variables;
    }
  }

  static GitlabPipeline pipeline;
  static Map<String, String> launcherFiles;
  static final Map<String, List<String>> LISTS = new HashMap<>();

  @BeforeAll
  static void read() throws IOException {
    pipeline = GitlabPipeline.read(ROOT.resolve(".gitlab-ci.yml"));
    launcherFiles = launcherFiles();
  }

  @Test
  void everyJobRunsInAnImageOfAKnownDistribution() {
    for (GitlabPipeline.Job job : pipeline.jobs.values()) {
      assertThat(job.image()).as("the image of job %s", job.name())
          .isIn(IMAGE_DISTRIBUTIONS.keySet());
    }
  }

  @Test
  void jobsInstallOnlyThroughCiInstall() {
    for (GitlabPipeline.Job job : pipeline.jobs.values()) {
      assertThat(OTHER_INSTALL.matcher(job.commands()).find())
          .as("job %s installs something without .ci/install:%n%s", job.name(), job.commands())
          .isFalse();
    }
  }

  @Test
  void everyPackageAJobInstallsIsInTheIndexOfItsImagesDistribution() throws Exception {
    for (GitlabPipeline.Job job : pipeline.jobs.values()) {
      String distribution = IMAGE_DISTRIBUTIONS.get(job.image());
      assertThat(distribution).as("the distribution of %s (job %s)", job.image(), job.name())
          .isNotNull();
      Set<String> index = index(distribution);
      List<String> installs = installs(job);
      for (String row : installs) {
        String suite = row.substring(0, row.indexOf(' '));
        if (suite.equals("npm")) {
          assertThat(installs).as("job %s installs %s with npm, so it must install npm",
              job.name(), row).contains(distribution + " npm");
          assertThat(row).as("npm packages are pinned").matches("npm \\S+@\\d+\\.\\d+\\.\\d+\\S*");
          continue;
        }
        assertThat(suite).as("job %s takes %s from a suite of %s", job.name(), row, distribution)
            .matches(Pattern.quote(distribution) + "(-backports)?");
        assertThat(index).as("job %s installs %s, which .ci/debian-%s.index does not have:"
            + " run .ci/install --index and review the change", job.name(), row, distribution)
            .contains(row);
      }
    }
  }

  @Test
  void theIndexHasExactlyTheDebianPackagesOfCiPackages() throws Exception {
    Set<String> listed = list().stream().filter(row -> !row.startsWith("npm "))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(index("bookworm")).as("run .ci/install --index and review the change")
        .containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void jobsInstallWhatTheirCommandsNeed() throws Exception {
    Map<Pattern, String> groups = Map.of(LAUNCHER, "run", MAVEN, "build", WEB, "web", GIT, "git");
    for (GitlabPipeline.Job job : pipeline.jobs.values()) {
      for (Map.Entry<Pattern, String> uses : groups.entrySet()) {
        if (uses.getKey().matcher(job.commands()).find()) {
          assertThat(installs(job)).as("job %s runs %s, so it installs group %s", job.name(),
              uses.getKey(), uses.getValue()).containsAll(list(uses.getValue()));
        }
      }
    }
  }

  @Test
  void everyNeededJobRunsEarlierInTheSamePipeline() {
    for (Pipeline kind : Pipeline.values()) {
      Set<String> present = pipeline.jobsFor(kind.variables);
      for (String name : present) {
        GitlabPipeline.Job job = pipeline.jobs.get(name);
        for (GitlabPipeline.Need need : job.needs() == null ? List.<GitlabPipeline.Need>of()
            : job.needs()) {
          assertThat(pipeline.jobs).as("job %s needs an unknown job", name)
              .containsKey(need.job());
          if (!need.optional()) {
            assertThat(present).as("in the %s pipeline, %s needs %s", kind, name, need.job())
                .contains(need.job());
          }
          assertThat(pipeline.stageOf(need.job())).as("%s needs %s of a later stage", name,
              need.job()).isLessThanOrEqualTo(pipeline.stageOf(name));
        }
        for (String dependency : job.dependencies() == null ? List.<String>of()
            : job.dependencies()) {
          assertThat(present).as("in the %s pipeline, %s depends on %s", kind, name, dependency)
              .contains(dependency);
          assertThat(pipeline.stageOf(dependency)).as("%s depends on %s of a later stage", name,
              dependency).isLessThan(pipeline.stageOf(name));
        }
      }
    }
  }

  @Test
  void everyJobThatRunsTheLauncherGetsTheJarFromAnEarlierJob() {
    for (Pipeline kind : Pipeline.values()) {
      Set<String> present = pipeline.jobsFor(kind.variables);
      for (String name : present) {
        if (!LAUNCHER.matcher(pipeline.jobs.get(name).commands()).find()
            || name.equals(producerOfTheJar())) {
          continue;
        }
        Set<String> suppliers = pipeline.artifactSuppliers(name, present);
        for (Map.Entry<String, String> file : launcherFiles.entrySet()) {
          assertThat(suppliers.stream().anyMatch(supplier -> produces(supplier, file.getValue())))
              .as("in the %s pipeline, job %s runs ./vhost-spec but gets the launcher's %s (%s)"
                  + " from none of %s, so it would build the jar again", kind, name,
                  file.getKey(), file.getValue(), suppliers)
              .isTrue();
        }
      }
    }
  }

  @Test
  void theRulesGiveEachPipelineTheJobsContributingPromises() throws IOException {
    Map<String, Set<Pipeline>> promised = promises();
    assertThat(promised.keySet()).as("CONTRIBUTING.md's table of CI jobs")
        .containsExactlyInAnyOrderElementsOf(pipeline.jobs.keySet());
    for (Pipeline kind : Pipeline.values()) {
      Set<String> expected = promised.entrySet().stream()
          .filter(entry -> entry.getValue().contains(kind)).map(Map.Entry::getKey)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(new TreeSet<>(pipeline.jobsFor(kind.variables))).as("the %s pipeline", kind)
          .isEqualTo(expected);
    }
  }

  @Test
  void theRuleEvaluatorReadsGitlabsExpressions() {
    Map<String, String> tag = Pipeline.RELEASE_TAG.variables;
    assertThat(CiExpression.holds("$CI_COMMIT_TAG", tag)).isTrue();
    assertThat(CiExpression.holds("$CI_COMMIT_BRANCH", tag)).isFalse();
    assertThat(CiExpression.holds("$CI_COMMIT_BRANCH == null", tag)).isTrue();
    assertThat(CiExpression.holds("$CI_COMMIT_TAG =~ /^v\\d+\\.\\d+$/", tag)).isTrue();
    assertThat(CiExpression.holds("$CI_COMMIT_TAG !~ /^V1/i", tag)).isFalse();
    assertThat(CiExpression.holds("$CI_COMMIT_BRANCH && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH",
        Pipeline.MAIN.variables)).isTrue();
    assertThat(CiExpression.holds("$CI_COMMIT_BRANCH && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH",
        tag)).isFalse();
    assertThat(CiExpression.holds("($CI_COMMIT_TAG || $CI_COMMIT_BRANCH) && $X != 'y'", tag))
        .isTrue();
    assertThat(CiExpression.holds("$A == \"1\" || $B == \"2\" && $C", Map.of("A", "1")))
        .as("&& binds tighter than ||").isTrue();
  }

  /** The job whose artifacts hold the jar: the one that builds it for the others. */
  private static String producerOfTheJar() {
    return pipeline.jobs.keySet().stream()
        .filter(job -> produces(job, launcherFiles.get("jar"))).findFirst().orElse("");
  }

  private static boolean produces(String job, String file) {
    for (String path : pipeline.jobs.get(job).artifactPaths()) {
      if (path.endsWith("/") ? file.startsWith(path)
          : FileSystems.getDefault().getPathMatcher("glob:" + path).matches(Path.of(file))) {
        return true;
      }
    }
    return false;
  }

  /** The files the launcher needs to run without building: its jar, stamp and runtime. */
  private static Map<String, String> launcherFiles() throws IOException {
    String launcher = Files.readString(ROOT.resolve("vhost-spec"));
    Matcher target = Pattern.compile("(?m)^target=\"\\$root/([^\"]+)\"$").matcher(launcher);
    assertThat(target.find()).as("the launcher's target folder").isTrue();
    Map<String, String> files = new LinkedHashMap<>();
    Matcher file = Pattern.compile("(?m)^(jar|stamp|runtime)=\"\\$target/([^\"]+)\"$")
        .matcher(launcher);
    while (file.find()) {
      files.put(file.group(1), target.group(1) + "/" + file.group(2));
    }
    assertThat(files).as("the launcher's files").containsOnlyKeys("jar", "stamp", "runtime");
    return files;
  }

  /** What the job's `.ci/install` calls install, as "SUITE NAME" rows. */
  private static List<String> installs(GitlabPipeline.Job job) throws Exception {
    List<String> rows = new ArrayList<>();
    Matcher install = INSTALL.matcher(job.commands());
    while (install.find()) {
      rows.addAll(list(install.group(1).trim().isEmpty() ? new String[0]
          : install.group(1).trim().split("\\s+")));
    }
    return rows;
  }

  /** The rows of `.ci/install --list GROUP...`: the real parser of .ci/packages says. */
  private static List<String> list(String... groups) throws Exception {
    String key = String.join(" ", groups);
    if (!LISTS.containsKey(key)) {
      List<String> command = new ArrayList<>(List.of("bash", ".ci/install", "--list"));
      command.addAll(List.of(groups));
      Path output = Files.createTempFile("ci-install", ".txt");
      try {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(".ci/install --list did not finish within 30 s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        LISTS.put(key, text.lines().toList());
      } finally {
        Files.delete(output);
      }
    }
    return LISTS.get(key);
  }

  /** The "SUITE NAME" rows of .ci/debian-DISTRIBUTION.index. */
  private static Set<String> index(String distribution) throws IOException {
    return Files.readAllLines(ROOT.resolve(".ci/debian-" + distribution + ".index")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\\s+")).map(fields -> fields[0] + " " + fields[1])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** CONTRIBUTING.md's table of CI jobs: each job and the pipelines its "when" names. */
  private static Map<String, Set<Pipeline>> promises() throws IOException {
    String contributing = Files.readString(ROOT.resolve("CONTRIBUTING.md"));
    String checks = contributing.substring(contributing.indexOf("## Checks"));
    checks = checks.substring(0, checks.indexOf("\n## ") < 0 ? checks.length()
        : checks.indexOf("\n## "));
    Matcher row = Pattern.compile("(?m)^\\| `([\\w-]+)` \\| ([^|]+) \\|").matcher(checks);
    Map<String, Set<Pipeline>> promised = new LinkedHashMap<>();
    while (row.find()) {
      promised.put(row.group(1), pipelinesNamed(row.group(1), row.group(2)));
    }
    return promised;
  }

  private static Set<Pipeline> pipelinesNamed(String job, String when) {
    String text = when.toLowerCase(java.util.Locale.ROOT);
    Set<Pipeline> kinds = EnumSet.noneOf(Pipeline.class);
    boolean understood = text.contains("scheduled");
    if (text.contains("every pipeline")) {
      return EnumSet.allOf(Pipeline.class);
    }
    if (text.contains("merge request")) {
      kinds.add(Pipeline.MERGE_REQUEST);
    }
    if (text.contains("main branch") || text.contains("default branch")) {
      kinds.add(Pipeline.MAIN);
    }
    if (text.contains("release tag")) {
      kinds.add(Pipeline.RELEASE_TAG);
    }
    assertThat(understood || !kinds.isEmpty())
        .as("CONTRIBUTING.md: cannot tell which pipelines '%s' means for job %s", when.trim(), job)
        .isTrue();
    return kinds;
  }
}
