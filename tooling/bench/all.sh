#!/usr/bin/env bash
# The benchmark suite of tooling/BENCHMARKS.md: whole-process timings of the short commands on
# the real registry. Prints one line per command with the median, min and max of RUNS runs.
# Usage: tooling/bench/all.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-21}
bench=build/bench
mkdir -p "$bench"

./vhost-spec generate --out "$bench/generated" >/dev/null
# A 2,000-line header: the generated one, then enough extra implementation-style definitions.
{
  cat "$bench/generated/vhost_user_protocol.h"
  n=0
  while (( $(wc -l < "$bench/generated/vhost_user_protocol.h") + n < 2000 )); do
    echo "#define LOCAL_DEFINITION_$n ($n + 1)"
    n=$((n + 1))
  done
} > "$bench/large-header.h"

time_command() { tooling/bench/time-command.sh "$runs" -- "$@"; }
time_command validate
time_command generate --out "$bench/generated"
time_command generate --check --out "$bench/generated"
time_command conform --lang c "$bench/large-header.h"
time_command conform --lang rust "$bench/generated/vhost_user_protocol.rs"

# Review commands: diff between the first registry commit and HEAD (the whole history is read
# for number reuse), and changelog over a generated history of 1,000 commits and 50 tags.
first=$(git log --format=%H --reverse -- spec/registry | sed -n 1p)
time_command diff "$first" HEAD
[[ -d "$bench/history/.git" ]] || tooling/bench/history-repo.sh "$bench/history" >/dev/null
time_command changelog --registry "$bench/history/spec/registry"
