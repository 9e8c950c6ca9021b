#!/usr/bin/env bash
# Times whole-process runs of one vhost-spec command (default: validate) and
# prints the median, min and max wall-clock time. The jar and its CDS archive are built first and
# one warm-up run is discarded, so the figures are for the steady state a user sees.
# Usage: tooling/bench/time-command.sh [RUNS] [-- vhost-spec arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

runs=${1:-21}
shift || true
[[ "${1:-}" == "--" ]] && shift
args=("$@")
((${#args[@]})) || args=(validate)

./vhost-spec "${args[@]}" >/dev/null 2>&1 || true   # build jar and archive, warm the disk cache
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  ./vhost-spec "${args[@]}" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "vhost-spec ${args[*]}: runs=$runs median=${sorted[$((runs / 2))]}ms min=${sorted[0]}ms max=${sorted[$((runs - 1))]}ms"
