#!/usr/bin/env bash
# Times `vhost-spec site` from a cold JVM after a one-line change to a chapter: on a copy of the
# inputs under build/bench/repo, changes one line of a chapter and runs `site` RUNS times
# (median, min, max). With the rendered chapters kept from the run before, one chapter is
# rendered; JRuby still starts. With --force as a third argument, every run renders everything.
# Usage: tooling/bench/site-after-change.sh [RUNS] [CHAPTER] [--force]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-11}
chapter=${2:-04-rings.adoc}
force=${3:-}
bench=build/bench
repo=$bench/repo
rm -rf "$repo" "$bench/site" "$bench/.site-chapters"
mkdir -p "$repo/tooling"
cp -r spec site README.md CONTRIBUTING.md MAINTAINERS "$repo/"
cp tooling/BENCHMARKS.md "$repo/tooling/"
file=$repo/spec/$chapter
printf '\nBenchmark line 0.\n' >>"$file"
site() { ./vhost-spec site $force --registry "$repo/spec/registry" --out "$bench/site"; }
site >/dev/null   # builds the jar and its startup caches, and keeps the chapters
times=()
for ((i = 1; i <= runs; i++)); do
  sed -i "s/^Benchmark line [0-9]*\.\$/Benchmark line $i./" "$file"
  start=$(date +%s%N)
  site >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
grep -q "Benchmark line $runs\." "$bench/site/index.html"
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "vhost-spec site $force after a one-line change to $chapter: runs=$runs median=${sorted[$((runs / 2))]}ms min=${sorted[0]}ms max=${sorted[$((runs - 1))]}ms"
