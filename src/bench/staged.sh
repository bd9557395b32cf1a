#!/bin/sh
# Pre-commit latency: `hooks/pre-commit` (which runs `leakgate staged`) on a 10-file, 200-line
# staged change in a repository holding a JDK's sources (~15,000 files), as a developer's commit
# runs it. Prints p50/p90 of several runs, and `git diff --cached` in the same run for scale.
#
# Usage: src/bench/staged.sh [RUNS] [REPO_DIR]
#   RUNS      timed runs after one warm-up (default 15); the warm-up also creates the AppCDS archive
#   REPO_DIR  an existing work tree to use instead of the generated one (its index is changed!)
# Environment: LEAKGATE_JAR (default target/leakgate.jar), SRC_ZIP (default: a JDK's lib/src.zip),
#              BENCH_DIR (where the generated work tree lives, built once and reset before each
#              run of this script; default /tmp/leakgate-bench)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-15}
repo=${2:-}
export LEAKGATE_JAR="${LEAKGATE_JAR:-$here/target/leakgate.jar}"
[ -f "$LEAKGATE_JAR" ] || { echo "no jar at $LEAKGATE_JAR: run mvn package first" >&2; exit 2; }
src_zip=${SRC_ZIP:-}
if [ -z "$src_zip" ]; then
    for z in /usr/lib/jvm/*/lib/src.zip; do [ -f "$z" ] && src_zip=$z && break; done
fi

if [ -z "$repo" ]; then
    repo=${BENCH_DIR:-/tmp/leakgate-bench}/staged
    if [ ! -f "$repo/.git/leakgate-bench" ]; then
        echo "building a work tree in $repo from $src_zip" >&2
        rm -rf "$repo" && mkdir -p "$repo"
        (cd "$repo" && git init -q -b main . && unzip -q "$src_zip" && git -c gc.auto=0 add -A \
            && git -c gc.auto=0 -c user.name=b -c user.email=b@example.org commit -q -m import \
            && git gc -q && touch .git/leakgate-bench)  # packed as a clone would be; else git's auto-gc competes with the runs
    fi
    git -C "$repo" reset -q --hard HEAD  # ours: back to the import, so the change below is the whole change
fi
cd "$repo"

# 10 files, 20 new lines each, spread over the tree
git ls-files | awk 'NR % 997 == 1' | head -10 > ../staged-files.$$ 
while read -r f; do
    i=0
    while [ $i -lt 20 ]; do
        echo "    // change line $i: int value$i = compute($i) + offset;" >> "$f"
        i=$((i + 1))
    done
    git add -- "$f"
done < ../staged-files.$$
rm -f ../staged-files.$$
echo "staged: $(git diff --cached --numstat | wc -l) files, $(git diff --cached --numstat | awk '{s+=$1} END {print s}') added lines" >&2

ms() { date +%s%N | cut -c1-13; }
time_cmd() { # prints the wall time of "$@" in ms
    t0=$(ms); "$@" > /dev/null 2>&1 || true; t1=$(ms); echo $((t1 - t0)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p90() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.9+0.5); if (i<1) i=1; print a[i]}'; }

time_cmd "$here/hooks/pre-commit" > /dev/null   # warm-up: creates the class-data archive
hook=""; gitd=""
n=0
while [ $n -lt "$runs" ]; do
    hook="$hook $(time_cmd "$here/hooks/pre-commit")"
    gitd="$gitd $(time_cmd git diff --cached -U0)"
    n=$((n + 1))
done
h50=$(echo $hook | tr ' ' '\n' | median)
h90=$(echo $hook | tr ' ' '\n' | p90)
g50=$(echo $gitd | tr ' ' '\n' | median)
echo "staged via hooks/pre-commit: p50 ${h50} ms, p90 ${h90} ms over $runs runs (target: p50 <= 400 ms)"
echo "git diff --cached -U0:       p50 ${g50} ms  (ratio $(awk "BEGIN {printf \"%.1f\", $h50 / ($g50 > 0 ? $g50 : 1)}")x)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
