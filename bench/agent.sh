#!/usr/bin/env bash
# The agent's benchmark: how much a cycle costs when neither the commit nor the state moved, on a
# generated source, and how much memory an idle agent holds.
#
#   bench/agent.sh [OBJECTS] [SECONDS]        e.g. bench/agent.sh 10000 30
#
# It generates OBJECTS objects (tenantctl generate, seed 1), commits them to a local bare git
# repository, starts `./tenantctl agent` on it (SQLite state, interval 1s, no jitter, every step
# class on auto), waits for the first apply, then lets it run SECONDS seconds of cycles in which
# nothing moves. It reads the agent's own /metrics (the cycle duration histogram, outcome
# "unchanged") before and after, and prints the mean cost of a cycle that found nothing to do,
# beside two references measured in the same run on the same files: `git ls-remote` of the
# repository (a process that only reads its refs) and `sqlite3` reading the state's revision. RSS is
# read from /proc once the cycles are done. Work folder: bench/work/agent (or BENCH_WORK).
set -euo pipefail
cd "$(dirname "$0")/.."
objects=${1:-10000}
seconds=${2:-30}
work=${BENCH_WORK:-bench/work}/agent
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)
./tenantctl --version > /dev/null   # build the jar first, outside the timings

./tenantctl generate --objects "$objects" --seed 1 --out "$work/tree" > "$work/generate.txt"
git init -q --bare -b main "$work/repo.git"
git clone -q "$work/repo.git" "$work/clone" 2> /dev/null
mkdir -p "$work/clone/manifests" && cp -r "$work/tree/." "$work/clone/manifests/"
git -C "$work/clone" add -A
git -C "$work/clone" -c user.name=bench -c user.email=bench@example.com commit -qm generated
git -C "$work/clone" push -q origin HEAD:main

cat > "$work/agent.yaml" <<YAML
apiVersion: tenantctl.io/v1
kind: AgentConfig
state: sqlite:$work/state.db
listen: 127.0.0.1:0
workDir: $work/agent
sources:
  - name: bench
    url: $work/repo.git
    paths: [manifests]
    interval: 1s
    jitter: 0
    policy: {privilegeGranting: auto, privilegeRemoving: auto, tenancyChanging: auto, destructive: auto}
YAML

touch "$work/agent.log"
./tenantctl agent --config "$work/agent.yaml" 2> "$work/agent.log" &
agent=$!
trap 'kill "$agent" 2> /dev/null || true' EXIT
until grep -q 'msg="applied: ' "$work/agent.log"; do
  if ! kill -0 "$agent" 2> /dev/null; then cat "$work/agent.log" >&2; exit 1; fi
  sleep 0.5
done
port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/agent.log" | head -1 | sed 's/.*://')
pid=$(pgrep -f "agent --config $work/agent.yaml" | head -1)

sample() { # one scrape: the number of cycles, their total seconds, and how many found nothing to do
  curl -s "http://127.0.0.1:$port/metrics" | awk '
    /^tenantctl_agent_cycle_duration_seconds_count/ {count = $2}
    /^tenantctl_agent_cycle_duration_seconds_sum/ {sum = $2}
    /^tenantctl_agent_cycles_total\{outcome="unchanged"/ {unchanged = $2}
    END {printf "%d %.6f %d\n", count, sum, unchanged}'
}
# The cycle after the apply plans once (the state moved); measure from the first one that found
# nothing to do.
until [ "$(sample | cut -d' ' -f3)" -ge 1 ]; do sleep 0.2; done
read -r c1 s1 u1 <<< "$(sample)"
sleep "$seconds"
read -r c2 s2 u2 <<< "$(sample)"
if [ "$((c2 - c1))" -ne "$((u2 - u1))" ]; then
  echo "some cycles in the window did more than nothing; the figures would mix them" >&2
  exit 1
fi
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

reference() { # mean wall time of 20 runs of a command, in seconds
  local start end
  start=$(date +%s.%N)
  for _ in $(seq 20); do "$@" > /dev/null; done
  end=$(date +%s.%N)
  echo "($end - $start) / 20" | bc -l
}
ls_remote=$(reference git ls-remote "$work/repo.git" refs/heads/main)
revision=$(reference sqlite3 "$work/state.db" "SELECT revision FROM tc_head")

kill -TERM "$agent"
wait "$agent" && code=0 || code=$?
trap - EXIT

cycle=$(echo "($s2 - $s1) / ($c2 - $c1)" | bc -l)
count=$(sed -E 's/Wrote ([0-9]+) objects.*/\1/' "$work/generate.txt")
echo "| objects | cycles measured | mean cycle, nothing moved (ms) | git ls-remote (ms) | ratio | sqlite3 revision (ms) | ratio | idle RSS (MB) | exit after SIGTERM |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '| %s | %d | %.1f | %.1f | %.2f | %.1f | %.2f | %d | %d |\n' "$count" "$((c2 - c1))" \
  "$(echo "$cycle * 1000" | bc -l)" "$(echo "$ls_remote * 1000" | bc -l)" "$(echo "$cycle / $ls_remote" | bc -l)" \
  "$(echo "$revision * 1000" | bc -l)" "$(echo "$cycle / $revision" | bc -l)" "$((rss / 1024))" "$code"
