#!/usr/bin/env bash
# Builds a throw-away git repository for the changelog benchmark: the real registry, then
# 1,000 commits and 50 release tags. Each release adds one proposed front-end message (so every
# tag has its own registry) and 19 commits between tags touch only a notes file.
# Usage: tooling/bench/history-repo.sh DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir=${1:?usage: history-repo.sh DIR}
rm -rf "$dir"
mkdir -p "$dir/spec"
cp -r "$root/spec/registry" "$dir/spec/registry"
cd "$dir"
git init -q -b main
git config user.name "Bench Author"
git config user.email "bench@example.org"
export GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z"
git add -A
git commit -q -m "The registry"
for ((release = 1; release <= 50; release++)); do
  notes=$((release == 1 ? 18 : 19)) # 1 + 18 + 1 + 49 * 20 = 1,000 commits
  for ((n = 1; n <= notes; n++)); do
    echo "release $release, change $n" >>notes.txt
    git add notes.txt
    git commit -q -m "Work towards release $release ($n)"
  done
  id=$((45 + release))
  python3 - "$id" <<'PY'
import sys
path = "spec/registry/front-end-messages.yaml"
text = open(path).read()
entry = ("  - name: VHOST_USER_BENCH_%s\n    id: %s\n    summary: \"Benchmark message.\"\n"
         "    replies: never\n    status: proposed\n\n" % (sys.argv[1], sys.argv[1]))
open(path, "w").write(text.replace("\nretired:", "\n" + entry + "retired:", 1))
PY
  git commit -q -am "Release $release: add VHOST_USER_BENCH_$id"
  git tag "v$release.0"
done
echo "$dir: $(git rev-list --count HEAD) commits, $(git tag | wc -l) tags"
