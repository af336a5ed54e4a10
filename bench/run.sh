#!/usr/bin/env bash
# The tenantctl benchmark: whole-process timings of the real CLI on generated manifest trees of
# three shapes, each figure next to its ratio to a reference measured in the same run.
#
#   bench/run.sh [SIZES] [RUNS] [SHAPES]     e.g. bench/run.sh "1000 100000" 3
#
# SHAPES (default all three) are `tenantctl generate --shape` values: many-small-files (one file
# per tenant, about 11 objects each), few-large-files (8-object tenants in 50 files, 2,000 objects
# each at 100,000), huge-tenant (half the objects one tenant's accounts; subscriptions with 200
# co-administrators), and entra (many-small-files written for the entra profile by `generate
# --profile entra`, and every command run with --profile entra; validate and plan-empty only, since
# applying it from nothing waits for external actions). For each size and shape it
# generates a tree (seed 1), then, RUNS rounds, each
# round timing in turn (interleaved, so that a change in the machine's load falls on all alike):
#   reference       bench/BareRead.java: Jackson YAML trees plus networknt validation of every
#                   document against the schemas, single-threaded, with the launcher's JVM options
#   validate        validate the tree
#   plan-empty      plan the tree against an empty store
#   apply-empty     apply the tree to an empty store
#   plan-noop       plan the tree again after applying it
# each through the launcher and, unless BENCH_JAR=0, as a plain `java -jar target/tenantctl.jar`;
# for many-small-files also plan-1pct and apply-1pct (a second tree with 1% of the objects changed,
# planned and applied with --prune over the applied tree), through the launcher.
# It prints a Markdown table of the median wall time, its CPU time (user + system) and peak memory
# (RSS), as /usr/bin/time measures them, with the ratios: wall and CPU to the reference's medians,
# and for java -jar the wall to the launcher's. Every JVM gets -Xmx1g (BENCH_HEAP to change it),
# so a run that needs more heap fails the benchmark. The work folder is bench/work (or BENCH_WORK).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"1000 10000 100000"}
runs=${2:-3}
shapes=${3:-"many-small-files few-large-files huge-tenant entra"}
heap=${BENCH_HEAP:--Xmx1g}
jar_too=${BENCH_JAR:-1}
work=${BENCH_WORK:-bench/work}
mkdir -p "$work/classes"
./tenantctl --version > /dev/null   # build the jar first, outside the timings
javac -d "$work/classes" -cp target/tenantctl.jar bench/BareRead.java
# The reference runs with the launcher's own JVM options (without its class-data sharing archive,
# which belongs to the jar's class path), read from the launcher so that they cannot drift apart.
read -r -a launcher_jvm <<< "$(sed -n 's/^jvm=(\(.*\))$/\1/p' tenantctl)"
export TENANTCTL_JAVA_OPTS="$heap"
timefmt="%e %U %S %M"

measure() { # the command; prints "wall cpu rss" of one run, checks the exit code
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

median() { # of lines "wall cpu rss": the median wall time, the median CPU time, the largest RSS
  local lines column
  lines=$(cat)
  for column in 1 2; do
    printf '%s\n' "$lines" | awk -v c="$column" 'NF {print $c}' | sort -n | awk '{a[NR]=$0} END {printf "%s ", a[int((NR+1)/2)]}'
  done
  printf '%s\n' "$lines" | awk 'NF && $3 > r {r = $3} END {print r + 0}'
}

fresh() { # an empty state
  rm -f "$1" "$1"-wal "$1"-shm "$1".holder
}

run_case() { # shape-tree, state, case, launcher|jar, profile: one timed run
  local tree=$1 state=$2 case=$3 how=$4 profile=$5
  local cli=(./tenantctl)
  [ "$how" = jar ] && cli=(java $heap -jar target/tenantctl.jar)
  case $case in
    reference)   measure java "${launcher_jvm[@]}" $heap -cp "target/tenantctl.jar:$work/classes" BareRead "$tree" ;;
    validate)    measure "${cli[@]}" validate --profile "$profile" -f "$tree" ;;
    plan-empty)  fresh "$state"; measure "${cli[@]}" plan --profile "$profile" -f "$tree" --state "sqlite:$state" ;;
    apply-empty) fresh "$state"; measure "${cli[@]}" apply --profile "$profile" -f "$tree" --auto-approve --state "sqlite:$state" ;;
    *)
      fresh "$state"
      ./tenantctl apply --profile "$profile" -f "$tree" --auto-approve --state "sqlite:$state" > /dev/null 2>&1
      case $case in
        plan-noop)  measure "${cli[@]}" plan -f "$tree" --state "sqlite:$state" --detailed-exitcode ;;
        plan-1pct)  measure "${cli[@]}" plan -f "$tree-1pct" --prune --state "sqlite:$state" ;;
        apply-1pct) measure "${cli[@]}" apply -f "$tree-1pct" --prune --auto-approve --state "sqlite:$state" ;;
      esac ;;
  esac
}

echo "| shape | objects | case | wall (s) | x reference | CPU (s) | x reference CPU | peak RSS (MB) | x launcher |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  for shape in $shapes; do
    tree="$work/$shape-$n"
    profile=classic
    generated=$shape
    if [ "$shape" = entra ]; then
      profile=entra
      generated=many-small-files
    fi
    if [ ! -d "$tree" ]; then
      ./tenantctl generate --profile "$profile" --objects "$n" --seed 1 --shape "$generated" --out "$tree" > "$tree.txt"
    fi
    cases="reference validate plan-empty apply-empty plan-noop"
    if [ "$shape" = entra ]; then
      # An entra world applied from nothing stops at its first external action (a guest redeeming
      # an invitation, exit 4), so only reading and planning compare with the classic shapes.
      cases="reference validate plan-empty"
    fi
    if [ "$shape" = many-small-files ]; then
      [ -d "$tree-1pct" ] || ./tenantctl generate --objects "$n" --seed 1 --changes 0.01 --out "$tree-1pct" > /dev/null
      cases+=" plan-1pct apply-1pct"
    fi
    count=$(sed -E 's/Wrote ([0-9]+) objects.*/\1/' "$tree.txt")
    declare -A results=()
    for r in $(seq "$runs"); do
      for case in $cases; do
        results[$case/launcher]+="$(run_case "$tree" "$work/state-$shape-$n.db" "$case" launcher "$profile")"$'\n'
        if [ "$jar_too" = 1 ] && [ "$case" != reference ] && [[ "$case" != *1pct ]]; then
          results[$case/jar]+="$(run_case "$tree" "$work/state-$shape-$n.db" "$case" jar "$profile")"$'\n'
        fi
      done
    done
    read -r ref_wall ref_cpu _ <<< "$(printf '%s' "${results[reference/launcher]}" | median)"
    for case in $cases; do
      for how in launcher jar; do
        [ -n "${results[$case/$how]:-}" ] || continue
        read -r wall cpu rss <<< "$(printf '%s' "${results[$case/$how]}" | median)"
        label=$case
        versus=""
        if [ "$how" = jar ]; then
          label="$case (java -jar)"
          read -r launcher_wall _ <<< "$(printf '%s' "${results[$case/launcher]}" | median)"
          versus=$(awk -v a="$wall" -v b="$launcher_wall" 'BEGIN {printf "%.2f", a / b}')
        fi
        printf '| %s | %s | %s | %.2f | %s | %.2f | %s | %d | %s |\n' "$shape" "$count" "$label" "$wall" \
          "$(awk -v a="$wall" -v b="$ref_wall" 'BEGIN {printf "%.2f", a / b}')" "$cpu" \
          "$(awk -v a="$cpu" -v b="$ref_cpu" 'BEGIN {printf "%.2f", a / b}')" "$((rss / 1024))" "$versus"
      done
    done
    unset results
  done
done
