#!/bin/sh
# What binary content costs the detector against text (binary is scanned since issue 9).
# Usage: src/bench/binary.sh [MB per kind (32)] [runs (5)] [src.zip [binaries...]]
# Prints cpu-ms per MB for text and real binaries, as 1 MB blobs and as one large blob.
set -eu
cd "$(dirname "$0")/../.."
[ -f target/leakgate.jar ] && [ -d target/test-classes ] || mvn -q -B -DskipTests package test-compile
if [ $# -lt 3 ]; then
  zip=$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | while read -r z; do [ -r "$z" ] && echo "$z" && break; done)
  [ -n "$zip" ] || { echo "no readable /usr/lib/jvm/*/lib/src.zip: pass one as the third argument" >&2; exit 2; }
  home=$(dirname "$(dirname "$zip")")
  set -- "${1:-32}" "${2:-5}" "$zip" "$home/lib/modules" "$home/lib/server/libjvm.so" target/leakgate.jar
fi
exec java -Xmx2g -cp target/leakgate.jar:target/test-classes dev.leakgate.bench.BinaryBench "$@"
