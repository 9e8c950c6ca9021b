package org.vhostuser.spec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A {@code .gitlab-ci.yml} read for what a shell executor does not check: each job's image,
 * script, rules, needs and artifacts, and which jobs the rules put in a pipeline. Keywords it
 * cannot evaluate ({@code extends}, {@code include}, {@code only}, {@code rules: changes}, ...)
 * are refused, so a pipeline that uses them makes the test say so instead of passing blindly.
 */
final class GitlabPipeline {
  private static final Set<String> GLOBAL_KEYWORDS = Set.of("workflow", "default", "variables",
      "stages", "image", "services", "cache", "before_script", "after_script");
  private static final Set<String> UNSUPPORTED = Set.of("include", "extends", "only", "except",
      "trigger", "parallel", "<<");
  private static final Set<String> RULE_KEYS = Set.of("if", "when", "allow_failure",
      "variables");

  /** One entry of a job's needs. */
  record Need(String job, boolean artifacts, boolean optional) {}

  /** One job, with the defaults of the file applied. */
  record Job(String name, String stage, String image, List<String> script,
      List<Map<String, Object>> rules, List<Need> needs, List<String> dependencies,
      List<String> artifactPaths) {

    /** Every line the job's shell runs, before_script first. */
    String commands() {
      return String.join("\n", script);
    }
  }

  final List<String> stages;
  final List<Map<String, Object>> workflowRules;
  final Map<String, Job> jobs = new LinkedHashMap<>();

  private GitlabPipeline(Map<String, Object> root) {
    refuseUnsupported(root, "the file");
    stages = root.containsKey("stages") ? strings(root.get("stages"))
        : List.of("build", "test", "deploy");
    workflowRules = rules(map(root.get("workflow")).get("rules"));
    Map<String, Object> defaults = map(root.get("default"));
    for (Map.Entry<String, Object> entry : root.entrySet()) {
      String name = entry.getKey();
      if (GLOBAL_KEYWORDS.contains(name) || name.startsWith(".")) {
        continue;
      }
      Map<String, Object> job = map(entry.getValue());
      refuseUnsupported(job, "job " + name);
      List<String> script = new ArrayList<>(strings(job.containsKey("before_script")
          ? job.get("before_script") : defaults.get("before_script")));
      script.addAll(strings(job.get("script")));
      Object image = job.containsKey("image") ? job.get("image") : defaults.get("image");
      if (image instanceof Map<?, ?> named) {
        image = named.get("name");
      }
      jobs.put(name, new Job(name, job.containsKey("stage") ? (String) job.get("stage") : "test",
          (String) image, script, rules(job.get("rules")), needs(job), 
          job.containsKey("dependencies") ? strings(job.get("dependencies")) : null,
          strings(map(job.get("artifacts")).get("paths"))));
    }
  }

  static GitlabPipeline read(Path file) throws IOException {
    Object root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    return new GitlabPipeline(map(root));
  }

  /** The jobs of the pipeline these variables describe, in file order; none when the workflow
   * creates no pipeline for them. */
  Set<String> jobsFor(Map<String, String> variables) {
    Set<String> present = new LinkedHashSet<>();
    if (!workflowRules.isEmpty() && !ruleSays(workflowRules, variables)) {
      return present;
    }
    for (Job job : jobs.values()) {
      if (job.rules().isEmpty() || ruleSays(job.rules(), variables)) {
        present.add(job.name());
      }
    }
    return present;
  }

  int stageOf(String job) {
    int index = stages.indexOf(jobs.get(job).stage());
    if (index < 0) {
      throw new IllegalStateException("job " + job + " has a stage that stages does not list");
    }
    return index;
  }

  /**
   * The jobs whose artifacts GitLab gives this job in a pipeline of {@code present} jobs: those
   * it needs with artifacts; without needs, its dependencies; without either, every earlier job.
   */
  Set<String> artifactSuppliers(String name, Set<String> present) {
    Job job = jobs.get(name);
    Set<String> suppliers = new LinkedHashSet<>();
    if (job.needs() != null) {
      job.needs().stream().filter(Need::artifacts).map(Need::job).filter(present::contains)
          .forEach(suppliers::add);
    } else if (job.dependencies() != null) {
      job.dependencies().stream().filter(present::contains).forEach(suppliers::add);
    } else {
      present.stream().filter(other -> stageOf(other) < stageOf(name)).forEach(suppliers::add);
    }
    return suppliers;
  }

  /** The first rule that matches decides: included unless its when is never; none: excluded. */
  private static boolean ruleSays(List<Map<String, Object>> rules, Map<String, String> variables) {
    for (Map<String, Object> rule : rules) {
      Object condition = rule.get("if");
      if (condition == null || CiExpression.holds((String) condition, variables)) {
        return !"never".equals(rule.get("when"));
      }
    }
    return false;
  }

  private static List<Map<String, Object>> rules(Object value) {
    List<Map<String, Object>> rules = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        Map<String, Object> rule = map(item);
        for (String key : rule.keySet()) {
          if (!RULE_KEYS.contains(key)) {
            throw new IllegalArgumentException("rules: " + key + " cannot be evaluated here;"
                + " teach GitlabPipeline what it means before using it");
          }
        }
        rules.add(rule);
      }
    }
    return rules;
  }

  private static List<Need> needs(Map<String, Object> job) {
    if (!job.containsKey("needs")) {
      return null;
    }
    List<Need> needs = new ArrayList<>();
    for (Object item : (List<?>) job.get("needs")) {
      if (item instanceof String name) {
        needs.add(new Need(name, true, false));
      } else {
        Map<String, Object> need = map(item);
        if (!need.containsKey("job")) {
          throw new IllegalArgumentException("needs: only jobs of this pipeline are read here");
        }
        needs.add(new Need((String) need.get("job"), !Boolean.FALSE.equals(need.get("artifacts")),
            Boolean.TRUE.equals(need.get("optional"))));
      }
    }
    return needs;
  }

  private static void refuseUnsupported(Map<String, Object> map, String where) {
    for (String key : map.keySet()) {
      if (UNSUPPORTED.contains(key)) {
        throw new IllegalArgumentException(where + " uses " + key
            + ", which GitlabPipeline does not read; teach it before using it");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String single) {
      return List.of(single);
    }
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
