#!/bin/sh
# Report writing at scale: N targets with one finding each (the same value, so the detector and
# its fingerprint cost little), each format written to a file; prints CPU seconds (user+sys)
# per format and its ratio to text. No format may cost much more than text.
# Usage: src/bench/reports.sh [targets (100000)] [runs (3)]
set -eu
cd "$(dirname "$0")/../.."
[ -f target/leakgate.jar ] || mvn -q -B -DskipTests package
n=${1:-100000}
runs=${2:-3}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/leakgate-bench-reports}/$n
if [ ! -f "$dir/.done" ]; then
  rm -rf "$dir"
  mkdir -p "$dir/tree"
  # An AWS key ID of the right shape, not a real one, put together here so that this script holds
  # none (leakgate audits itself); one file per target, 1,000 per folder.
  awk -v n="$n" -v d="$dir/tree" -v key="AKIA""QW3ER5TY7UI2OP4L" 'BEGIN {
    for (i = 0; i < n; i++) {
      f = sprintf("%s/d%04d", d, int(i / 1000));
      if (i % 1000 == 0) system("mkdir -p " f);
      printf "AWS_ACCESS_KEY_ID=%s\n", key > (f "/f" i ".env");
      close(f "/f" i ".env");
    }
  }'
  touch "$dir/.done"
fi
jar=$PWD/target/leakgate.jar
for format in text json sarif junit; do
  for r in $(seq "$runs"); do
    /usr/bin/time -o "$dir/time" -f "%U %S" java -jar "$jar" scan "$dir/tree" --format "$format" \
      --report "$dir/report.$format" 2>/dev/null || [ $? -eq 1 ]
    # the last line: time(1) puts "Command exited with non-zero status 1" before it
    tail -n 1 "$dir/time" | awk -v f="$format" '{ printf "%s %.2f\n", f, $1 + $2 }'
  done
done | awk '
  { t[$1] = t[$1] " " $2 }
  END {
    split("text json sarif junit", order, " ")
    for (k = 1; k <= 4; k++) {
      f = order[k]; m = split(t[f], v, " ")
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
      med[f] = v[int((m + 1) / 2)]
      printf "%-6s %6.2f s CPU (median of %d)  %.2fx text\n", f, med[f], m, med[f] / med["text"]
    }
  }'
