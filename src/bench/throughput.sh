#!/bin/sh
# Scan throughput of the built-in rule set, one thread (issue: core pipeline).
# Usage: src/bench/throughput.sh [corpus MB (200)] [runs (5)] [src.zip]
# Prints one line per run and the median MB/s. Run it on a quiet machine.
set -eu
cd "$(dirname "$0")/../.."
[ -f target/leakgate.jar ] && [ -d target/test-classes ] || mvn -q -B -DskipTests package test-compile
if [ $# -lt 3 ]; then
  # Real source text: the first JDK source archive on this machine (openjdk-17-source or another JDK).
  zip=$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | while read -r z; do [ -r "$z" ] && echo "$z" && break; done)
  [ -n "$zip" ] || { echo "no readable /usr/lib/jvm/*/lib/src.zip: pass one as the third argument" >&2; exit 2; }
  set -- "${1:-200}" "${2:-5}" "$zip"
fi
exec java -Xmx4g -XX:+UseParallelGC -cp target/leakgate.jar:target/test-classes dev.leakgate.bench.ThroughputBench "$@"
