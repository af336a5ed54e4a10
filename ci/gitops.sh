#!/usr/bin/env bash
# The GitOps recipe of docs/gitops.md as one script, so that every CI system runs the same steps
# and CI can test them end to end (ci/gitops-e2e.sh).
#
#   ci/gitops.sh review BASE HEAD OUT    in a pull request's job
#   ci/gitops.sh deploy COMMIT OUT       after the merge, on the protected branch
#
# review: makes the commit that merging HEAD into BASE would give (the merge result, not HEAD:
#   HEAD alone is missing whatever BASE gained since the branch was made, and its plan would undo
#   that), then validates and plans exactly that commit. It writes into OUT the saved plan
#   (plan.json, the artifact to keep), the pull-request comment (plan.md), and what was reviewed
#   (reviewed.commit, reviewed.tree: the git tree of the manifests). Exit codes as `plan
#   --detailed-exitcode`: 0 no changes, 2 changes, 1 errors (also when HEAD does not merge cleanly).
#
# deploy: COMMIT is what the protected branch now holds. When its manifests are exactly the ones
#   reviewed (same git tree) the saved plan is applied as it is (`apply plan.json`), which refuses
#   if the state moved since the plan was made. Otherwise (the branch moved on before the merge,
#   or another apply came first) nothing is applied: the commit is planned again into OUT/replan/
#   (plan.json, plan.md), and the script exits 3 to ask for a new review of that plan.
#   Exit codes: 0 applied (or nothing to do), 1 error, 3 a new review is needed.
#
# Environment:
#   TENANTCTL         the command to run (default: tenantctl on PATH, else ./tenantctl)
#   TENANTCTL_STATE   the state URL (as for tenantctl itself)
#   MANIFESTS         the manifest folder inside the repository (default: manifests)
#   APPLYSET          the applyset (default: default)
#   PLAN_ARGS         more options for plan, e.g. "--prune" (default: none)
#   ARTIFACT          the name the CI gives the saved plan; the comment names it (plan --full-plan-name)
#                     wherever it leaves part of the plan out (default: plan.json)
# Run it at the top of the repository's working copy (any clone holding BASE, HEAD and COMMIT).
set -euo pipefail

usage() {
  sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 64
}

if [ -n "${TENANTCTL:-}" ]; then
  read -r -a tenantctl <<< "$TENANTCTL"
elif command -v tenantctl > /dev/null 2>&1; then
  tenantctl=(tenantctl)
else
  tenantctl=(./tenantctl)
fi
manifests=${MANIFESTS:-manifests}
applyset=${APPLYSET:-default}
read -r -a plan_args <<< "${PLAN_ARGS:-}"
artifact=${ARTIFACT:-plan.json}

cd "$(git rev-parse --show-toplevel)"

# The git tree of the manifests in a commit: equal trees are byte-identical manifests.
manifests_tree() {
  git rev-parse --verify --quiet "$1:$manifests" || echo "none"
}

# Validates and plans one commit into a folder; returns plan's detailed exit code.
plan_commit() { # commit, folder
  local commit=$1 out=$2 code=0
  mkdir -p "$out"
  "${tenantctl[@]}" validate -f "$manifests" --git-ref "$commit"
  "${tenantctl[@]}" plan -f "$manifests" --git-ref "$commit" --applyset "$applyset" \
    ${plan_args[@]+"${plan_args[@]}"} --detailed-exitcode --out "$out/plan.json" \
    -o markdown --full-plan-name "$artifact" \
    > "$out/plan.md" || code=$?
  printf '%s\n' "$commit" > "$out/reviewed.commit"
  manifests_tree "$commit" > "$out/reviewed.tree"
  return "$code"
}

review() { # base, head, out
  [ $# -eq 3 ] || usage
  local base head tree merge
  base=$(git rev-parse --verify "$1^{commit}")
  head=$(git rev-parse --verify "$2^{commit}")
  # The merge result, as a commit of its own that no branch points to (git 2.38 or newer).
  if ! tree=$(git merge-tree --write-tree "$base" "$head" | head -n 1) \
      || ! git cat-file -e "$tree^{tree}" 2> /dev/null; then
    echo "error: $2 does not merge cleanly into $1; update the branch first" >&2
    return 1
  fi
  merge=$(git commit-tree "$tree" -p "$base" -p "$head" -m "tenantctl review: merge $2 into $1")
  echo "reviewing the merge of $2 into $1: commit $merge" >&2
  local code=0
  plan_commit "$merge" "$3" || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then
    return "$code"
  fi
  echo "saved plan: $3/plan.json (keep it as the artifact '$artifact'); comment: $3/plan.md" >&2
  return "$code"
}

deploy() { # commit, out
  [ $# -eq 2 ] || usage
  local commit out=$2
  commit=$(git rev-parse --verify "$1^{commit}")
  if [ ! -f "$out/plan.json" ] || [ ! -f "$out/reviewed.tree" ]; then
    echo "error: $out holds no reviewed plan (plan.json and reviewed.tree from 'review')" >&2
    return 1
  fi
  local reviewed now
  reviewed=$(cat "$out/reviewed.tree")
  now=$(manifests_tree "$commit")
  if [ "$reviewed" = "$now" ]; then
    local code=0
    "${tenantctl[@]}" apply "$out/plan.json" || code=$?
    if [ "$code" -ne 3 ]; then
      return "$code"
    fi
    echo "the state moved since the plan was reviewed; planning $commit again" >&2
  else
    echo "the manifests at $commit are not the ones reviewed (the branch moved on);" \
      "planning $commit again" >&2
  fi
  local code=0
  plan_commit "$commit" "$out/replan" || code=$?
  if [ "$code" -ne 2 ]; then
    return "$code" # 0: nothing left to apply; 1: the merged manifests have errors
  fi
  echo "nothing was applied: review $out/replan/plan.md, then apply $out/replan/plan.json" >&2
  return 3
}

[ $# -ge 1 ] || usage
command=$1
shift
case "$command" in
  review) review "$@" ;;
  deploy) deploy "$@" ;;
  *) usage ;;
esac
