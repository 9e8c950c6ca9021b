package org.vhostuser.spec.cli;

import java.util.Map;

/**
 * The revision a change is compared with when none is named: in a GitLab merge-request pipeline
 * the merge request's diff base, otherwise the remote branch the change will be merged into
 * ({@code origin/} and the target, or default, branch; {@code origin/main} on a workstation).
 */
final class TargetBranch {
  private TargetBranch() {}

  /** The default base, read from {@code environment} (GitLab's predefined CI variables). */
  static String of(Map<String, String> environment) {
    String diffBase = environment.get("CI_MERGE_REQUEST_DIFF_BASE_SHA");
    if (diffBase != null && !diffBase.isBlank()) {
      return diffBase;
    }
    for (String variable : new String[] {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
        "CI_DEFAULT_BRANCH"}) {
      String branch = environment.get(variable);
      if (branch != null && !branch.isBlank()) {
        return "origin/" + branch;
      }
    }
    return "origin/main";
  }

  /** The default base of this process's environment. */
  static String current() {
    return of(System.getenv());
  }
}
