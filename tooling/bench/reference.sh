#!/usr/bin/env bash
# The reference points of tooling/BENCHMARKS.md, timed like a vhost-spec command: a picocli
# hello-world (one @Command that prints "hello", picocli from the local Maven repository) and an
# empty JVM (java -version), both with the launcher's short-run flags on the default java.
# Measure them in the same minutes as the figures they normalize.
# Usage: tooling/bench/reference.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-21}
hello=build/bench/hello
picocli=$(find ~/.m2/repository/info/picocli/picocli -name 'picocli-4.*.jar' | sort -V | tail -1)
if [[ ! -f "$hello/Hello.class" ]]; then
  mkdir -p "$hello"
  cat >"$hello/Hello.java" <<'JAVA'
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "hello", mixinStandardHelpOptions = true)
public class Hello implements Runnable {
  public void run() { System.out.println("hello"); }
  public static void main(String[] a) { System.exit(new CommandLine(new Hello()).execute(a)); }
}
JAVA
  javac -cp "$picocli" -d "$hello" "$hello/Hello.java"
fi
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
time_java() {
  local name=$1
  shift
  "$@" >/dev/null 2>&1
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$name: runs=$runs median=${sorted[$((runs / 2))]}ms min=${sorted[0]}ms max=${sorted[$((runs - 1))]}ms"
}
time_java "picocli hello-world" java "${flags[@]}" -cp "$hello:$picocli" Hello
time_java "empty JVM (java -version)" java "${flags[@]}" -version
