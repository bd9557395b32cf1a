#!/bin/sh
# Input shapes that must cost linear time (issues 9 and 10): one 50 MB line, 100,000 short lines
# each with a keyword, 200,000 findings in one file, 20,000 SSH public keys one per line.
# Prints the detector's CPU time on each (one thread, in-process), then the whole CLI's
# (`leakgate scan FILE`, text and JSON reports): wall, user+sys CPU and peak RSS.
#
# Usage: src/bench/shapes.sh [runs (3)] [scale (1.0): multiplies every shape's size]
# Environment: BENCH_DIR (where the files are written; default /tmp/leakgate-bench/shapes)
set -eu
cd "$(dirname "$0")/../.."
runs=${1:-3}
scale=${2:-1.0}
dir=${BENCH_DIR:-/tmp/leakgate-bench}/shapes
[ -f target/leakgate.jar ] && [ -d target/test-classes ] || mvn -q -B -DskipTests package test-compile
java -Xmx6g -cp target/leakgate.jar:target/test-classes dev.leakgate.bench.ShapesBench "$dir" "$runs" "$scale" \
    | grep -v '^\[leakgate\] test seed'
for f in "$dir"/*; do
    for format in text json; do
        /usr/bin/time -f "$(basename "$f") scan --format $format: %e s wall, %U+%S s cpu, %M KB peak RSS" \
            java -jar target/leakgate.jar scan "$f" --format "$format" --max-file-size 100000000 > /dev/null \
            2>/tmp/leakgate-shapes.err \
            || [ $? -eq 1 ]  # exit 1: findings, as expected
        tail -1 /tmp/leakgate-shapes.err
    done
done
