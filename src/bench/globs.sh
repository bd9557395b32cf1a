#!/bin/sh
# What the policy's path globs cost per path (every path of every tree in an audit asks them).
# Usage: src/bench/globs.sh [runs (7)] [src.zip]
# Prints the median ns per path for the default policy and a fleet policy.
set -eu
cd "$(dirname "$0")/../.."
[ -f target/leakgate.jar ] && [ -d target/test-classes ] || mvn -q -B -DskipTests package test-compile
if [ $# -lt 2 ]; then
  zip=$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | while read -r z; do [ -r "$z" ] && echo "$z" && break; done)
  [ -n "$zip" ] || { echo "no readable /usr/lib/jvm/*/lib/src.zip: pass one as the second argument" >&2; exit 2; }
  set -- "${1:-7}" "$zip"
fi
exec java -cp target/leakgate.jar:target/test-classes dev.leakgate.bench.GlobBench "$@"
