#!/usr/bin/env bash
# The wire figures of tooling/BENCHMARKS.md, between two runs of the reference points:
#   - trace check on a transcript of 10,000 messages (a probe of qemu-storage-daemon, then
#     GET_FEATURES exchanges), whole process, target 1 s;
#   - probe --device blk against qemu-storage-daemon including the daemon's start (start it, wait
#     for its socket, probe, stop it), whole process, target 1 s.
# Needs Debian's QEMU (.ci/install). Usage: tooling/bench/wire.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-11}
bench=build/bench/wire
rm -rf "$bench"
mkdir -p "$bench"
bench=$(cd "$bench" && pwd)
qsd=$(command -v qemu-storage-daemon)

head -c 1048576 /dev/zero >"$bench/disk.img"
start_qsd() {
  rm -f "$bench/qsd.sock"
  "$qsd" --blockdev "driver=file,node-name=disk,filename=$bench/disk.img" \
    --export "type=vhost-user-blk,id=exp,node-name=disk,addr.type=unix,addr.path=$bench/qsd.sock,writable=off" \
    >"$bench/qsd.log" 2>&1 &
  qsd_pid=$!
  for _ in $(seq 500); do [[ -S "$bench/qsd.sock" ]] && return; sleep 0.002; done
  echo "wire.sh: qemu-storage-daemon did not start" >&2
  exit 2
}
stop_qsd() { kill "$qsd_pid" 2>/dev/null || true; wait "$qsd_pid" 2>/dev/null || true; }
trap stop_qsd EXIT

# The transcript: a real probe, then request/reply pairs up to 10,000 lines.
start_qsd
./vhost-spec probe --backend "$bench/qsd.sock" --device blk --out "$bench/probe.jsonl" >/dev/null || true
stop_qsd
{
  cat "$bench/probe.jsonl"
  request=$(grep -m1 '"request":1,' "$bench/probe.jsonl")
  reply=$(grep -m2 '"request":1,' "$bench/probe.jsonl" | tail -1)
  n=$(wc -l <"$bench/probe.jsonl")
  while ((n < 10000)); do
    echo "$request"
    echo "$reply"
    n=$((n + 2))
  done
} >"$bench/10000.jsonl"
echo "transcript: $(wc -l <"$bench/10000.jsonl") messages"

tooling/bench/reference.sh 21
tooling/bench/time-command.sh "$runs" -- trace check "$bench/10000.jsonl" \
  --implementation libvhost-user@10.0

./vhost-spec probe --backend /nonexistent >/dev/null 2>&1 || true   # build jar and archive
times=()
for ((i = 0; i < runs + 1; i++)); do
  begin=$(date +%s%N)
  start_qsd
  ./vhost-spec probe --backend "$bench/qsd.sock" --device blk >/dev/null 2>&1 || true
  end=$(date +%s%N)
  stop_qsd
  ((i == 0)) || times+=($(((end - begin) / 1000000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "qemu-storage-daemon start + probe --device blk: runs=$runs median=${sorted[$((runs / 2))]}ms min=${sorted[0]}ms max=${sorted[$((runs - 1))]}ms"
tooling/bench/reference.sh 21
