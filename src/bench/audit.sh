#!/bin/sh
# History-audit speed: `leakgate audit` against `git cat-file --batch-all-objects --batch
# --unordered` (reading every object once, the floor) on the same repository, runs alternating so
# load drifts hit both alike. Prints each run, the medians of wall and CPU time, the wall ratio
# (the target: at most 2.0x, stretch 1.5x) and leakgate's peak RSS (at most 1.5 GiB, no JVM flags).
#
# Usage: src/bench/audit.sh [RUNS] [REPO]
#   RUNS  runs of each (default 3)
#   REPO  any repository (bare or not); default: Git's own history to v2.0.0, cloned once from
#         ../shared/bench/git-v2.0.0.bundle (a real clone's packing: what users run audit on);
#         where there is no such bundle (a user's clone), a generated history (built once) of
#         50,000 commits and > 2 GB of blob content made from a JDK's sources with git fast-import
#         (src/bench/GenHistory.java), packed with git gc
# Environment: LEAKGATE_JAR (default target/leakgate.jar), JAVA_OPTS (default none: the bound on
#              memory is for `java -jar` as users run it), BENCH_DIR (where the repositories live,
#              default /tmp/leakgate-bench), SHARED_BENCH (where the bundle is, default
#              ../shared/bench), GENERATE=1 (the generated history even where the bundle is)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
repo=${2:-}
jar=${LEAKGATE_JAR:-$here/target/leakgate.jar}
java_opts=${JAVA_OPTS:-}
bench=${BENCH_DIR:-/tmp/leakgate-bench}
shared=${SHARED_BENCH:-$here/../shared/bench}
[ -f "$jar" ] || { echo "no jar at $jar: run mvn package first" >&2; exit 2; }

if [ -z "$repo" ] && [ -f "$shared/git-v2.0.0.bundle" ] && [ -z "${GENERATE:-}" ]; then
    repo=$bench/git-2.0.git
    if [ ! -f "$repo/.cloned" ]; then
        echo "cloning $shared/git-v2.0.0.bundle into $repo (once)" >&2
        rm -rf "$repo" && mkdir -p "$bench"
        git clone -q --bare "$shared/git-v2.0.0.bundle" "$repo"
        touch "$repo/.cloned"
    fi
fi
if [ -z "$repo" ]; then
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
        # a pipeline's status is its last command's: check that the generator's stream arrived
        git -C "$repo" rev-parse -q --verify refs/heads/main > /dev/null \
            || { echo "generating the history failed (is there a JDK src.zip? set SRC_ZIP)" >&2; exit 3; }
        git -C "$repo" symbolic-ref HEAD refs/heads/main
        git -C "$repo" gc --quiet
        git -C "$repo" prune
        touch "$repo/.generated"
    fi
fi
echo "repository: $repo" >&2
git -C "$repo" count-objects -vH | grep -E 'in-pack|size-pack' | tr '\n' ' ' >&2; echo >&2
echo "commits: $(git -C "$repo" rev-list --all --count)" >&2

t=/tmp/leakgate-bench-time.$$
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# wall ms, cpu ms (user + sys), peak RSS KiB from GNU time's "%e %U %S %M"
wall() { awk '{printf "%d", $1 * 1000}' "$t"; }
cpu() { awk '{printf "%d", ($2 + $3) * 1000}' "$t"; }
gw=""; gc=""; lw=""; lc=""; rss=""
i=0
while [ $i -lt "$runs" ]; do
    /usr/bin/time -f '%e %U %S %M' -o "$t" git -C "$repo" cat-file --batch-all-objects --batch --unordered > /dev/null
    g=$(wall); gcpu=$(cpu)
    rc=0
    /usr/bin/time -f '%e %U %S %M' -o "$t" \
        java $java_opts -jar "$jar" audit -C "$repo" --no-progress --format json > /tmp/leakgate-bench-out.$$ || rc=$?
    [ "$rc" -le 1 ] || { echo "leakgate audit failed (exit $rc)" >&2; tail -3 "$t" >&2; exit 3; }
    tail -1 "$t" > "$t.last" && mv "$t.last" "$t"
    l=$(wall); lcpu=$(cpu); r=$(awk '{print $4}' "$t")
    echo "run $((i + 1)): git cat-file ${g} ms (cpu ${gcpu} ms), leakgate audit ${l} ms (cpu ${lcpu} ms, exit $rc, peak RSS $((r / 1024)) MiB), load $(cut -d' ' -f1 /proc/loadavg)" >&2
    gw="$gw $g"; gc="$gc $gcpu"; lw="$lw $l"; lc="$lc $lcpu"; rss="$rss $r"
    i=$((i + 1))
done
findings=$(grep -c '"ruleId"' /tmp/leakgate-bench-out.$$ || true)
rm -f "$t" /tmp/leakgate-bench-out.$$
g50=$(echo $gw | tr ' ' '\n' | median); gc50=$(echo $gc | tr ' ' '\n' | median)
l50=$(echo $lw | tr ' ' '\n' | median); lc50=$(echo $lc | tr ' ' '\n' | median)
rmax=$(echo $rss | tr ' ' '\n' | sort -n | tail -1)
echo "git cat-file --batch-all-objects --batch --unordered: median ${g50} ms (cpu ${gc50} ms)"
echo "leakgate audit ${java_opts:-(no JVM flags)}: median ${l50} ms (cpu ${lc50} ms), $findings findings"
echo "ratio: $(awk "BEGIN {printf \"%.2f\", $l50 / $g50}")x wall, $(awk "BEGIN {printf \"%.2f\", $lc50 / $gc50}")x cpu (target <= 2.0x wall, stretch 1.5x); peak RSS $((rmax / 1024)) MiB (target <= 1536 MiB)"
