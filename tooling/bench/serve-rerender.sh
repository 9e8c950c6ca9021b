#!/usr/bin/env bash
# Times the preview's re-render after a one-line change to a chapter: starts `vhost-spec serve` on
# a copy of the inputs under build/bench/repo, changes one line of a chapter RUNS times, and
# reports two figures, each as median, min and max: the render time the preview prints
# ("rendered in N ms": from noticing the change to the site replaced, registry and prose
# validation included) and the time from writing the file until /__generation changes (which
# adds the watcher's polling interval and the HTTP round trips).
# Usage: tooling/bench/serve-rerender.sh [RUNS] [CHAPTER]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-11}
chapter=${2:-04-rings.adoc}
bench=build/bench
repo=$bench/repo
rm -rf "$repo" "$bench/serve-site"
mkdir -p "$repo/tooling"
cp -r spec site README.md CONTRIBUTING.md MAINTAINERS "$repo/"
cp tooling/BENCHMARKS.md "$repo/tooling/"
file=$repo/spec/$chapter
printf '\nBenchmark line 0.\n' >>"$file"

./vhost-spec --version >/dev/null   # builds the jar and its startup caches first
log=$bench/serve.log
./vhost-spec serve --registry "$repo/spec/registry" --out "$bench/serve-site" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for ((i = 0; i < 600; i++)); do
  grep -q '^Serving' "$log" && break
  sleep 0.1
done
url=$(sed -n 's/^Serving .* at \(http:[^ ]*\/\)index.html.*/\1/p' "$log")
[[ -n "$url" ]] || { cat "$log" >&2; exit 1; }

ms() { echo $(($(date +%s%N) / 1000000)); }
rendered=()
seen=()
for ((i = 1; i <= runs + 1; i++)); do
  before=$(curl -s "${url}__generation")
  lines=$(grep -c '^rendered in' "$log" || true)
  start=$(ms)
  sed -i "s/^Benchmark line [0-9]*\.\$/Benchmark line $i./" "$file"
  until [[ "$(curl -s "${url}__generation")" != "$before" ]]; do
    sleep 0.01
    if (($(ms) - start > 30000)); then cat "$log" >&2; exit 1; fi
  done
  end=$(ms)
  until (($(grep -c '^rendered in' "$log" || true) > lines)); do sleep 0.01; done
  ((i == 1)) && continue   # the first change warms the renderer's code paths; not counted
  seen+=($((end - start)))
  rendered+=($(grep '^rendered in' "$log" | tail -1 | sed 's/rendered in \([0-9]*\) ms.*/\1/'))
  sleep 0.5
done
grep -q "Benchmark line $((runs + 1))\." "$bench/serve-site/index.html"
report() {
  local name=$1
  shift
  local sorted=($(printf '%s\n' "$@" | sort -n))
  local n=${#sorted[@]}
  echo "serve re-render ($chapter) $name: runs=$n median=${sorted[$((n / 2))]}ms min=${sorted[0]}ms max=${sorted[$((n - 1))]}ms"
}
report "rendered in" "${rendered[@]}"
report "until reload" "${seen[@]}"
