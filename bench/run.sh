#!/usr/bin/env bash
# The tenantctl benchmark: whole-process timings of the real CLI on generated manifest trees.
#
#   bench/run.sh [SIZES] [RUNS]        e.g. bench/run.sh "1000 10000 100000" 3
#
# For each size it generates a tree (tenantctl generate, seed 1) and a second tree with 1% of the
# objects changed, then times, each RUNS times on a fresh state where the case needs one:
#   validate        validate the tree
#   plan-empty      plan the tree against an empty store
#   apply-empty     apply the tree to an empty store
#   plan-noop       plan the tree again after applying it
#   plan-1pct       plan the 1% tree against the applied tree (with --prune)
#   apply-1pct      apply the 1% tree to the applied tree (with --prune)
# and prints a Markdown table of the median wall time, its CPU time (user + system) and peak
# memory (RSS), as /usr/bin/time measures them. Output goes to standard output; the work folder
# is bench/work (or BENCH_WORK). JVM options come from the launcher's defaults, or TENANTCTL_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"1000 10000 100000"}
runs=${2:-3}
work=${BENCH_WORK:-bench/work}
mkdir -p "$work"
./tenantctl --version > /dev/null   # build the jar first, outside the timings
timefmt="%e %U %S %M"

measure() { # name, then the command; prints "wall cpu rss" of one run, checks the exit code
  local out="$work/time.txt"
  local code=0
  /usr/bin/time -o "$out" -f "$timefmt" "$@" > "$work/stdout.txt" 2> "$work/stderr.txt" || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then
    echo "benchmark command failed (exit $code): $*" >&2
    tail -5 "$work/stderr.txt" >&2
    exit 1
  fi
  awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4}' "$out"
}

median() { # of lines "wall cpu rss": the line with the median wall time
  sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'
}

echo "| objects | case | wall (s) | CPU (s) | peak RSS (MB) |"
echo "|---:|---|---:|---:|---:|"
for n in $sizes; do
  base="$work/tree-$n"
  changed="$work/tree-$n-1pct"
  [ -d "$base" ] || ./tenantctl generate --objects "$n" --seed 1 --out "$base" > "$work/generate-$n.txt"
  [ -d "$changed" ] || ./tenantctl generate --objects "$n" --seed 1 --changes 0.01 --out "$changed" > /dev/null
  count=$(sed -E 's/Wrote ([0-9]+) objects.*/\1/' "$work/generate-$n.txt")
  for case in validate plan-empty apply-empty plan-noop plan-1pct apply-1pct; do
    results=""
    for r in $(seq "$runs"); do
      state="$work/state-$n.db"
      rm -f "$state" "$state"-wal "$state"-shm "$state".holder
      case $case in
        validate)    line=$(measure ./tenantctl validate -f "$base") ;;
        plan-empty)  line=$(measure ./tenantctl plan -f "$base" --state "sqlite:$state") ;;
        apply-empty) line=$(measure ./tenantctl apply -f "$base" --auto-approve --state "sqlite:$state") ;;
        *)
          ./tenantctl apply -f "$base" --auto-approve --state "sqlite:$state" > /dev/null 2>&1
          case $case in
            plan-noop)  line=$(measure ./tenantctl plan -f "$base" --state "sqlite:$state" --detailed-exitcode) ;;
            plan-1pct)  line=$(measure ./tenantctl plan -f "$changed" --prune --state "sqlite:$state") ;;
            apply-1pct) line=$(measure ./tenantctl apply -f "$changed" --prune --auto-approve --state "sqlite:$state") ;;
          esac ;;
      esac
      results+="$line"$'\n'
    done
    read -r wall cpu rss <<< "$(printf '%s' "$results" | median)"
    printf '| %s | %s | %.2f | %.2f | %d |\n' "$count" "$case" "$wall" "$cpu" "$((rss / 1024))"
  done
done
