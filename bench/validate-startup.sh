#!/usr/bin/env bash
# Start-up of `validate -f manifests/examples/seed/after`, two builds against each other,
# interleaved round by round so that the machine's load falls on both alike: each build through
# its launcher (with its class-data sharing archive) and as a plain `java -jar`.
#
#   bench/validate-startup.sh BASE_TREE THIS_TREE [ROUNDS]
#
# Each tree is a checkout whose target/tenantctl.jar is built (run its ./tenantctl once first, which
# also makes the archive). Prints the medians and minima of wall and CPU (user + system) time.
set -u
base=$1
this=$2
rounds=${3:-21}
seed=$this/manifests/examples/seed/after
out=$(mktemp)
: > "$out"
for i in $(seq 1 "$rounds"); do
  for variant in base-launcher this-launcher base-jar this-jar; do
    case $variant in
      base-launcher) cmd=("$base/tenantctl" validate -f "$seed");;
      this-launcher) cmd=("$this/tenantctl" validate -f "$seed");;
      base-jar) cmd=(java -jar "$base/target/tenantctl.jar" validate -f "$seed");;
      this-jar) cmd=(java -jar "$this/target/tenantctl.jar" validate -f "$seed");;
    esac
    /usr/bin/time -o "$out.one" -f "%e %U %S" "${cmd[@]}" > /dev/null 2>&1; t=$(tail -1 "$out.one")
    echo -e "$variant\t$t" >> "$out"
  done
done
python3 - "$out" <<'PY'
import sys, statistics
rows={}
for line in open(sys.argv[1]):
    v, t = line.rstrip('\n').split('\t')
    e,u,s = map(float, t.split())
    rows.setdefault(v, []).append((e, u+s))
for v in ['base-launcher','this-launcher','base-jar','this-jar']:
    r=rows[v]; w=[x[0] for x in r]; c=[x[1] for x in r]
    print(f"{v:15s} n={len(r)} wall median {statistics.median(w)*1000:.0f} ms min {min(w)*1000:.0f} ms | cpu median {statistics.median(c)*1000:.0f} ms min {min(c)*1000:.0f} ms")
PY
rm -f "$out" "$out.one"
