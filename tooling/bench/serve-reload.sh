#!/usr/bin/env bash
# Times the preview from a one-line chapter edit to the browser hearing of it: starts
# `vhost-spec serve` on a copy of the inputs under build/bench/repo, listens to its event stream
# (/__events, as a page's EventSource does), changes one line of a chapter RUNS times and
# reports, each as median, min and max: the render time the preview prints ("rendered in N ms":
# from noticing the change to the site replaced, registry and prose validation included), the
# time from writing the file to the event that makes the page reload, and the difference of
# the two for each run (noticing the edit, announcing the render; the target is 50 ms or less).
# The reference points of tooling/BENCHMARKS.md are measured before and after (REFERENCE=0
# skips them).
# Usage: tooling/bench/serve-reload.sh [RUNS] [CHAPTER]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-11}
chapter=${2:-04-rings.adoc}
bench=build/bench
repo=$bench/repo
[[ "${REFERENCE:-1}" == 0 ]] || tooling/bench/reference.sh 21
rm -rf "$repo" "$bench/serve-site"
mkdir -p "$repo/tooling"
cp -r spec site README.md CONTRIBUTING.md MAINTAINERS "$repo/"
cp tooling/BENCHMARKS.md "$repo/tooling/"
file=$repo/spec/$chapter
printf '\nBenchmark line 0.\n' >>"$file"

./vhost-spec --version >/dev/null   # builds the jar and its startup caches first
log=$bench/serve.log
events=$bench/serve-events.log
./vhost-spec serve --registry "$repo/spec/registry" --out "$bench/serve-site" --port 0 >"$log" 2>&1 &
server=$!
listener=
trap 'kill "$server" 2>/dev/null || true; [[ -z "$listener" ]] || kill "$listener" 2>/dev/null || true' EXIT
for ((i = 0; i < 600; i++)); do
  grep -q '^Serving' "$log" && break
  sleep 0.1
done
url=$(sed -n 's/^Serving .* at \(http:[^ ]*\/\)index.html.*/\1/p' "$log")
[[ -n "$url" ]] || { cat "$log" >&2; exit 1; }

# Each event with the time it arrived, in microseconds (bash's clock: no process per line).
: >"$events"
curl -sN -H 'Accept: text/event-stream' "${url}__events" | while IFS= read -r line; do
  [[ "$line" == data:* ]] && echo "${EPOCHREALTIME/./} ${line#data: }" >>"$events"
done &
listener=$!
until [[ -s "$events" ]]; do sleep 0.01; done

now() { echo "${EPOCHREALTIME/./}"; }
rendered=()
reached=()
overhead=()
for ((i = 1; i <= runs + 1; i++)); do
  seen=$(wc -l <"$events")
  lines=$(grep -c '^rendered in' "$log" || true)
  start=$(now)
  sed -i "s/^Benchmark line [0-9]*\.\$/Benchmark line $i./" "$file"
  until (($(wc -l <"$events") > seen)); do
    sleep 0.002
    if (($(now) - start > 30000000)); then cat "$log" >&2; exit 1; fi
  done
  until (($(grep -c '^rendered in' "$log" || true) > lines)); do sleep 0.01; done
  end=$(sed -n "$((seen + 1))p" "$events" | cut -d' ' -f1)
  ((i == 1)) && continue   # the first change warms the renderer's code paths; not counted
  render=$(grep '^rendered in' "$log" | tail -1 | sed 's/rendered in \([0-9]*\) ms.*/\1/')
  reach=$(((end - start) / 1000))
  rendered+=("$render")
  reached+=("$reach")
  overhead+=($((reach - render)))
  sleep 0.5
done
grep -q "Benchmark line $((runs + 1))\." "$bench/serve-site/index.html"
report() {
  local name=$1
  shift
  local sorted=($(printf '%s\n' "$@" | sort -n))
  local n=${#sorted[@]}
  echo "serve ($chapter) $name: runs=$n median=${sorted[$((n / 2))]}ms min=${sorted[0]}ms max=${sorted[$((n - 1))]}ms"
}
report "rendered in" "${rendered[@]}"
report "edit to event" "${reached[@]}"
report "event minus render" "${overhead[@]}"
[[ "${REFERENCE:-1}" == 0 ]] || tooling/bench/reference.sh 21
