#!/usr/bin/env bash
# Wall time of a merge request's pipeline under gitlab-ci-local: the shell executor with each job
# in its own copy of the checkout (--shell-isolation), so artifacts and caches pass between jobs
# as on a runner. Prints each job's time (its first to its last log line) and the pipeline's.
#
# Usage: tooling/bench/gitlab-pipeline.sh CHECKOUT BASE [LOG]
#   CHECKOUT  a clone whose HEAD is the merge request (gitlab-ci-local wants a remote "origin")
#   BASE      the merge request's diff base, a commit of CHECKOUT
#   LOG       where gitlab-ci-local's output goes (default: a temporary file, removed)
# Needs gitlab-ci-local 4.62.0 (npm install gitlab-ci-local@4.62.0; GITLAB_CI_LOCAL names the
# command when it is not on the PATH) and rsync. The checkout's .gitlab-ci-local/ keeps the
# caches between runs: run once to fill them, then measure.
set -euo pipefail
checkout=$(cd "${1:?usage: gitlab-pipeline.sh CHECKOUT BASE [LOG]}" && pwd)
base=$(git -C "$checkout" rev-parse --verify "${2:?usage: gitlab-pipeline.sh CHECKOUT BASE [LOG]}^{commit}")
log=${3:-$(mktemp)}
[[ -n "${3:-}" ]] || trap 'rm -f "$log"' EXIT
gcl=${GITLAB_CI_LOCAL:-gitlab-ci-local}

start=$(date +%s.%N)
status=0
(cd "$checkout" && "$gcl" --force-shell-executor --shell-isolation --no-color --timestamps \
  --variable CI_PIPELINE_SOURCE=merge_request_event --variable CI_MERGE_REQUEST_IID=1 \
  --variable CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main \
  --variable CI_MERGE_REQUEST_SOURCE_BRANCH_NAME=topic \
  --variable CI_MERGE_REQUEST_DIFF_BASE_SHA="$base") >"$log" 2>&1 || status=$?
end=$(date +%s.%N)

# Lines look like "[13:18:10  8.15 s] validate $ ./vhost-spec ...": the clock, then the job.
awk '/^\[[0-9][0-9]:[0-9][0-9]:[0-9][0-9] / {
  split(substr($1, 2), t, ":"); s = t[1] * 3600 + t[2] * 60 + t[3]
  job = $0; sub(/^\[[^]]*\] */, "", job); sub(/ .*/, "", job)
  if (!(job in first)) { first[job] = s; order[++n] = job }
  last[job] = s
}
END { for (i = 1; i <= n; i++) printf "%-10s %5d s\n", order[i], last[order[i]] - first[order[i]] }' "$log"
grep -E '^ (PASS|FAIL) ' "$log" || true
awk -v a="$start" -v b="$end" 'BEGIN { printf "%-10s %5.0f s\n", "pipeline", b - a }'
exit "$status"
