#!/bin/sh
# Pre-commit latency: `hooks/pre-commit` (which runs `leakgate staged`) on a 10-file, 200-line
# staged change, as a developer's commit runs it. Prints p50/p90 of the wall time and the CPU time
# (user+sys: steadier than wall time on a shared machine) of several runs, and `git diff --cached`
# in the same run for scale.
#
# Usage: src/bench/staged.sh [--vs CHECKOUT] [RUNS] [jdk | git | REPO_DIR]
#   RUNS      timed runs after one warm-up (default 15); the warm-up also creates the class-data
#             archive (AppCDS on a JDK 17, an AOT cache on a JDK 25+) next to the jar
#   jdk       (default) a work tree holding a JDK's sources (~15,000 files)
#   git       Git's own tree at v2.0.0 (~2,700 files), from ../shared/bench/git-v2.0.0.bundle
#             (or $BUNDLE)
#   REPO_DIR  an existing work tree to use instead (its index is changed!)
#   --vs CHECKOUT  A/B: alternates every run with CHECKOUT/hooks/pre-commit running
#             CHECKOUT/target/leakgate.jar (an older build, say `git worktree add /tmp/base main`
#             and `mvn package` there), and prints both
# Environment: LEAKGATE_JAR (default target/leakgate.jar), JAVA_HOME (the JVM the hook runs),
#              SRC_ZIP (default: a JDK's lib/src.zip), BENCH_DIR (where the generated work trees
#              live, built once and reset before each run of this script; default /tmp/leakgate-bench)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
vs=""
if [ "${1:-}" = "--vs" ]; then
    vs=$(cd "$2" && pwd)
    shift 2
    [ -f "$vs/target/leakgate.jar" ] || { echo "no jar at $vs/target/leakgate.jar: build it first" >&2; exit 2; }
fi
runs=${1:-15}
tree=${2:-jdk}
export LEAKGATE_JAR="${LEAKGATE_JAR:-$here/target/leakgate.jar}"
[ -f "$LEAKGATE_JAR" ] || { echo "no jar at $LEAKGATE_JAR: run mvn package first" >&2; exit 2; }
bench=${BENCH_DIR:-/tmp/leakgate-bench}

case $tree in
jdk)
    src_zip=${SRC_ZIP:-}
    if [ -z "$src_zip" ]; then
        for z in /usr/lib/jvm/*/lib/src.zip; do [ -f "$z" ] && src_zip=$z && break; done
    fi
    repo=$bench/staged
    if [ ! -f "$repo/.git/leakgate-bench" ]; then
        echo "building a work tree in $repo from $src_zip" >&2
        rm -rf "$repo" && mkdir -p "$repo"
        (cd "$repo" && git init -q -b main . && unzip -q "$src_zip" && git -c gc.auto=0 add -A \
            && git -c gc.auto=0 -c user.name=b -c user.email=b@example.org commit -q -m import \
            && git gc -q && touch .git/leakgate-bench)  # packed as a clone would be; else git's auto-gc competes with the runs
    fi
    ;;
git)
    bundle=${BUNDLE:-$here/../shared/bench/git-v2.0.0.bundle}
    [ -f "$bundle" ] || bundle=/work/shared/bench/git-v2.0.0.bundle
    [ -f "$bundle" ] || { echo "no bundle of Git's history: set BUNDLE" >&2; exit 2; }
    repo=$bench/staged-git
    if [ ! -f "$repo/.git/leakgate-bench" ]; then
        echo "cloning $bundle into $repo" >&2
        rm -rf "$repo"
        git clone -q "$bundle" "$repo" && git -C "$repo" checkout -q -B main v2.0.0 \
            && touch "$repo/.git/leakgate-bench"
    fi
    ;;
*)
    repo=$tree
    ;;
esac
case $tree in jdk | git) git -C "$repo" reset -q --hard HEAD ;; esac  # ours: the change below is the whole change
cd "$repo"

# 10 files, 20 new lines each, spread over the tree: every 997th, or every tenth of a smaller
# tree; only regular files (not a symlink) and no dotfile (a line appended to .gitattributes is
# noise on every git command)
list=$(mktemp)
git ls-files -s | awk '$1 == "100644" { sub(/^[^\t]*\t/, ""); if ($0 !~ /^\./) f[++n] = $0 }
    END { s = n >= 9970 ? 997 : int(n / 10); for (i = 1; i <= n; i += s) print f[i] }' | head -10 > "$list"
while read -r f; do
    i=0
    while [ $i -lt 20 ]; do
        echo "    // change line $i: int value$i = compute($i) + offset;" >> "$f"
        i=$((i + 1))
    done
    git add -- "$f"
done < "$list"
rm -f "$list"
echo "staged: $(git diff --cached --numstat | wc -l) files, $(git diff --cached --numstat | awk '{s+=$1} END {print s}') added lines, $(git ls-files | wc -l) files in the tree" >&2
echo "java: ${JAVA_HOME:-$(command -v java)}" >&2

ms() { date +%s%N | cut -c1-13; }
# CPU time (user+sys) of the waited-for children of this shell, from the `times` builtin (run in
# this shell, not in a $(...) subshell, whose children are its own)
cpu0=$(mktemp); cpu1=$(mktemp)
cpu_ms() { awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] }; printf "%d", t * 1000 }' "$1"; }
WALL=0; CPU=0
timed() { # sets WALL and CPU (ms) for "$@"
    t0=$(ms); times > "$cpu0"; "$@" > /dev/null 2>&1 || true; times > "$cpu1"; t1=$(ms)
    WALL=$((t1 - t0)); CPU=$(($(cpu_ms "$cpu1") - $(cpu_ms "$cpu0"))); }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p90() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.9+0.5); if (i<1) i=1; print a[i]}'; }

ours() { "$here/hooks/pre-commit"; }
theirs() { LEAKGATE_JAR="$vs/target/leakgate.jar" "$vs/hooks/pre-commit"; }

# Warm-up: the hook makes its class-data archive in the background after a check without one;
# wait for it (a ".lock" beside the jar while it is made) so that every timed run uses it.
settle() { # JAR
    n=0
    while [ $n -lt 600 ] && { [ -d "${1%.jar}.lock" ] || [ ! -f "${1%.jar}.jvm" ]; }; do
        [ -f "${1%.jar}.jvm" ] || [ -d "${1%.jar}.lock" ] || [ $n -lt 20 ] || break  # an older hook: no stamp
        sleep 0.2; n=$((n + 1))
    done
}
timed ours
settle "$LEAKGATE_JAR"
if [ -n "$vs" ]; then timed theirs; settle "$vs/target/leakgate.jar"; fi
hw=""; hc=""; bw=""; bc=""; gitd=""
n=0
while [ $n -lt "$runs" ]; do
    timed ours; hw="$hw $WALL"; hc="$hc $CPU"
    if [ -n "$vs" ]; then timed theirs; bw="$bw $WALL"; bc="$bc $CPU"; fi
    timed git diff --cached -U0; gitd="$gitd $WALL"
    n=$((n + 1))
done
rm -f "$cpu0" "$cpu1"
g50=$(echo $gitd | median)
report() { # label walls cpus
    w50=$(echo $2 | median); w90=$(echo $2 | p90); c50=$(echo $3 | median); c90=$(echo $3 | p90)
    printf '%-28s p50 %4d ms, p90 %4d ms wall; CPU p50 %4d ms, p90 %4d ms (%.1fx git diff)\n' "$1" "$w50" "$w90" "$c50" "$c90" \
        "$(awk "BEGIN {print $w50 / ($g50 > 0 ? $g50 : 1)}")"
}
report "staged via hooks/pre-commit:" "$hw" "$hc"
[ -z "$vs" ] || report "  --vs $(basename "$vs"):" "$bw" "$bc"
echo "git diff --cached -U0:       p50 ${g50} ms over $runs runs (targets: p50 <= 300 ms on the JDK tree, <= 230 ms on Git's)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
