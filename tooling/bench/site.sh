#!/usr/bin/env bash
# The website rows of tooling/BENCHMARKS.md in one run, between two measurements of the
# reference points: `site` with nothing changed, `site` after a one-line chapter change,
# `site --force` (every chapter rendered, as in a fresh clone), a fresh clone's `site` with no
# site built yet, and the preview's re-render.
# Usage: tooling/bench/site.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-11}
tooling/bench/reference.sh 21
./vhost-spec site >/dev/null
tooling/bench/time-command.sh "$runs" -- site
tooling/bench/site-after-change.sh "$runs"
tooling/bench/time-command.sh "$runs" -- site --force
# A fresh clone: no site and no kept chapters, so Asciidoctor starts before picocli parses.
times=()
for ((i = 0; i < runs; i++)); do
  rm -rf build/bench/fresh-site build/bench/.fresh-site-chapters
  start=$(date +%s%N)
  ./vhost-spec site --out build/bench/fresh-site >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "vhost-spec site with no site built yet: runs=$runs median=${sorted[$((runs / 2))]}ms min=${sorted[0]}ms max=${sorted[$((runs - 1))]}ms"
REFERENCE=0 tooling/bench/serve-reload.sh "$runs"
tooling/bench/reference.sh 21
