#!/bin/sh
# History-audit throughput: `leakgate audit` against `git cat-file --batch-all-objects --batch
# --unordered` (reading every object once, the floor) on the same repository, runs alternating so
# load drifts hit both alike. Prints each run, the medians, the ratio and leakgate's peak RSS.
#
# Usage: src/bench/audit.sh [RUNS] [REPO]
#   RUNS  runs of each (default 3)
#   REPO  any repository (bare or not); default: a generated one (built once, then reused) of
#         50,000 commits and > 2 GB of blob content made from a JDK's sources with git
#         fast-import (src/bench/GenHistory.java), packed with git gc as a clone would be
# Environment: LEAKGATE_JAR (default target/leakgate.jar), JAVA_OPTS (default -Xmx1g),
#              BENCH_DIR (where the generated repository lives, default /tmp/leakgate-bench)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
repo=${2:-}
jar=${LEAKGATE_JAR:-$here/target/leakgate.jar}
java_opts=${JAVA_OPTS:--Xmx1g}
[ -f "$jar" ] || { echo "no jar at $jar: run mvn package first" >&2; exit 2; }

if [ -z "$repo" ]; then
    bench=${BENCH_DIR:-/tmp/leakgate-bench}
    repo=$bench/big.git
    if [ ! -f "$repo/.generated" ]; then
        src_zip=${SRC_ZIP:-}
        if [ -z "$src_zip" ]; then
            for z in /usr/lib/jvm/*/lib/src.zip; do [ -f "$z" ] && src_zip=$z && break; done
        fi
        echo "generating $repo from $src_zip (takes several minutes)" >&2
        rm -rf "$repo" && mkdir -p "$bench" && git init -q --bare "$repo"
        java -Xmx3g "$here/src/bench/GenHistory.java" "$src_zip" 50000 2200000000 \
            | git -C "$repo" fast-import --quiet --depth=50
        git -C "$repo" symbolic-ref HEAD refs/heads/main
        git -C "$repo" gc --quiet
        git -C "$repo" prune
        touch "$repo/.generated"
    fi
fi
echo "repository: $repo" >&2
git -C "$repo" count-objects -vH | grep -E 'in-pack|size-pack' | tr '\n' ' ' >&2; echo >&2
echo "commits: $(git -C "$repo" rev-list --all --count)" >&2

ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
gits=""; lgs=""; rss=""
i=0
while [ $i -lt "$runs" ]; do
    t0=$(ms)
    git -C "$repo" cat-file --batch-all-objects --batch --unordered > /dev/null
    t1=$(ms)
    /usr/bin/time -f '%M' -o /tmp/leakgate-bench-rss.$$ \
        java $java_opts -jar "$jar" audit -C "$repo" --no-progress --format json > /tmp/leakgate-bench-out.$$ || rc=$?
    t2=$(ms)
    rc=${rc:-0}
    [ "$rc" -le 1 ] || { echo "leakgate audit failed (exit $rc)" >&2; exit 3; }
    g=$((t1 - t0)); l=$((t2 - t1)); r=$(tail -1 /tmp/leakgate-bench-rss.$$)
    echo "run $((i + 1)): git cat-file ${g} ms, leakgate audit ${l} ms (exit $rc, peak RSS $((r / 1024)) MiB), load $(cut -d' ' -f1 /proc/loadavg)" >&2
    gits="$gits $g"; lgs="$lgs $l"; rss="$rss $r"
    i=$((i + 1))
done
findings=$(grep -c '"ruleId"' /tmp/leakgate-bench-out.$$ || true)
rm -f /tmp/leakgate-bench-rss.$$ /tmp/leakgate-bench-out.$$
g50=$(echo $gits | tr ' ' '\n' | median)
l50=$(echo $lgs | tr ' ' '\n' | median)
rmax=$(echo $rss | tr ' ' '\n' | sort -n | tail -1)
echo "git cat-file --batch-all-objects --batch --unordered: median ${g50} ms"
echo "leakgate audit ($java_opts):                     median ${l50} ms, $findings findings"
echo "ratio: $(awk "BEGIN {printf \"%.2f\", $l50 / $g50}")x (target <= 2.5x); peak RSS $((rmax / 1024)) MiB (target <= 1536 MiB)"
