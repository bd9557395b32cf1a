#!/bin/sh
# What reading inside archives costs.
#  1. On real archives (jars from the local Maven repository): CPU ms on one thread to scan the
#     jars' own bytes (--max-archive-depth 0), to expand them, and to expand and scan every file
#     inside (the default), with the sizes (src/test/java/dev/leakgate/bench/ArchiveBench.java).
#  2. `leakgate audit` of a git repository holding those jars (committed in 4 batches), with
#     --max-archive-depth 0 and with the default, runs alternating: medians of CPU (user + sys).
#  3. The same A/B on a repository of source code (REPO; default Git's history to v2.0.0 where
#     src/bench/audit.sh cloned it, else this checkout): reading inside archives must cost it
#     nothing beyond a look at each blob's first bytes.
#
# Usage: src/bench/archives.sh [RUNS (5)] [JARS (200)] [REPO]
# Environment: M2 (default ~/.m2/repository), BENCH_DIR (default /tmp/leakgate-bench)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
count=${2:-200}
m2=${M2:-$HOME/.m2/repository}
bench=${BENCH_DIR:-/tmp/leakgate-bench}
other=${3:-}
[ -n "$other" ] || { [ -d "$bench/git-2.0.git" ] && other=$bench/git-2.0.git || other=$here; }
cd "$here"
[ -f target/leakgate.jar ] && [ -d target/test-classes ] || mvn -q -B -DskipTests package test-compile
jar=$here/target/leakgate.jar

jars=$bench/jars-$count
if [ ! -f "$jars/.made" ]; then
    rm -rf "$jars" && mkdir -p "$jars/lib"
    # the first COUNT jars under 10 MB (the default --max-file-size), in a stable order
    find "$m2" -name '*.jar' -size -10M | sort | head -n "$count" | while read -r f; do cp "$f" "$jars/lib/"; done
    git -C "$jars" init -q -b main
    n=$(ls "$jars/lib" | wc -l)
    i=0
    for batch in 1 2 3 4; do
        ls "$jars/lib" | awk -v b=$batch -v n="$n" 'NR > (b-1)*n/4 && NR <= b*n/4' | while read -r f; do
            git -C "$jars" add "lib/$f"
        done
        git -C "$jars" -c user.name=bench -c user.email=bench@example.org commit -q -m "batch $batch"
    done
    git -C "$jars" gc -q
    touch "$jars/.made"
fi
echo "== 1. $(ls "$jars/lib" | wc -l) jars, $(du -sh "$jars/lib" | cut -f1), one thread"
java -Xmx2g -cp "$jar:target/test-classes" dev.leakgate.bench.ArchiveBench "$runs" "$jars/lib"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t=/tmp/leakgate-bench-archives.$$
ab() { # repo label
    : > "$t.0"; : > "$t.3"
    for r in $(seq "$runs"); do
        for depth in 0 3; do
            /usr/bin/time -f "%U %S" -o "$t.time" java -jar "$jar" audit -C "$1" --no-progress --format json \
                --max-archive-depth "$depth" > /dev/null || [ $? -eq 1 ]
            tail -n 1 "$t.time" | awk '{printf "%d\n", ($1 + $2) * 1000}' >> "$t.$depth"
        done
    done
    d0=$(median < "$t.0")
    d3=$(median < "$t.3")
    echo "$2: audit CPU ms (user+sys, median of $runs): depth 0 $d0, default $d3, ratio $(awk -v a="$d3" -v b="$d0" 'BEGIN {printf "%.2f", a / b}')"
}
echo "== 2. audit of the jars' repository"
ab "$jars" "jars"
echo "== 3. audit of a repository of source code: $other"
ab "$other" "source"
rm -f "$t" "$t.0" "$t.3" "$t.time"
