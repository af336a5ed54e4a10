#!/usr/bin/env bash
# End-to-end test of the GitOps recipe (ci/gitops.sh) against a local bare repository: two
# branches, a pull-request-like merge, and a base that moves. Run by GitopsRecipeIT in mvn verify;
# by hand: TENANTCTL="java -jar target/tenantctl.jar" ci/gitops-e2e.sh
#
# The story:
#   1. main holds the seed's "before" manifests and is deployed (revision 1).
#   2. Branch `rename` changes one display name. Meanwhile main gains Account/newhire, which is
#      reviewed, merged and deployed first (revision 2). The review of `rename` must plan the merge
#      result: one update, and no deletion of newhire (planning the branch's head with --prune
#      would delete it). Merged as reviewed, its saved plan is applied exactly (revision 3).
#   3. Branch `late` is reviewed; then `early` is reviewed, merged and deployed (revision 4); then
#      `late` is merged. Its manifests on main are no longer the ones reviewed: nothing is applied,
#      a new plan is made for review, exit 3.
#   4. Branch `outside` is reviewed and merged as reviewed, but someone applied something else in
#      between: the saved plan is stale, nothing is applied, a new plan is made for review, exit 3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
recipe="$here/gitops.sh"
seed="$here/../manifests/examples/seed/before"
read -r -a tenantctl <<< "${TENANTCTL:?set TENANTCTL to the tenantctl command}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TENANTCTL_STATE="sqlite:$work/state.db"
export PLAN_ARGS="--prune"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
expect_exit() { # expected code, then the command
  local want=$1 code=0
  shift
  "$@" || code=$?
  [ "$code" -eq "$want" ] || fail "expected exit $want, got $code: $*"
}
revision() {
  "${tenantctl[@]}" history --limit 1 -o json | sed -n 's/^ *"revision" *: *\([0-9]*\).*/\1/p' | head -n 1
}
field() { # file, JSON field name: its first string value
  sed -n "s/^ *\"$2\" *: *\"\\([^\"]*\\)\".*/\\1/p" "$1" | head -n 1
}
account() { # name, sign-in name
  printf 'apiVersion: tenantctl.io/v1\nkind: Account\nmetadata: {name: %s}\nspec: {signInName: %s, type: WorkOrSchool}\n' "$1" "$2"
}

git init -q --bare -b main "$work/origin.git"
git clone -q "$work/origin.git" "$work/repo" 2> /dev/null
cd "$work/repo"
git checkout -q -b main
mkdir manifests
cp "$seed"/*.yaml manifests/
git add manifests && git commit -qm "seed" && git push -q origin main

# 1. The first deployment: review main against itself, deploy it.
expect_exit 2 "$recipe" review main main "$work/pr0"
expect_exit 0 "$recipe" deploy main "$work/pr0"
[ "$(revision)" = 1 ] || fail "first deployment is revision 1"

# 2. A branch made before main moved on.
git checkout -q -b rename main
sed -i 's/displayName: John Doe/displayName: John Q. Doe/' manifests/accounts.yaml
git commit -qam "John's display name" && git push -q origin rename
git checkout -q -b newhire main
account newhire newhire@contoso.com > manifests/newhire.yaml
git add manifests && git commit -qm "newhire" && git push -q origin newhire
expect_exit 2 "$recipe" review origin/main origin/newhire "$work/pr1"
git checkout -q main && git merge -q --no-ff -m "Merge newhire" newhire && git push -q origin main
expect_exit 0 "$recipe" deploy origin/main "$work/pr1"
[ "$(revision)" = 2 ] || fail "newhire deployed as revision 2"

expect_exit 2 "$recipe" review origin/main origin/rename "$work/pr2"
grep -q "newhire" "$work/pr2/plan.json" && grep -q '"action" : "delete"' "$work/pr2/plan.json" \
  && fail "the review of rename plans to delete newhire: it planned the branch, not the merge result"
grep -q '"update" : 1' "$work/pr2/plan.json" || fail "the review of rename is one update"
grep -q '"delete" : 0' "$work/pr2/plan.json" || fail "the review of rename deletes nothing"
grep -q "John Q. Doe" "$work/pr2/plan.md" || fail "the comment shows the change"
git merge -q --no-ff -m "Merge rename" rename && git push -q origin main
expect_exit 0 "$recipe" deploy origin/main "$work/pr2"
[ "$(revision)" = 3 ] || fail "rename deployed as revision 3"
digest=$(field "$work/pr2/plan.json" digest)
"${tenantctl[@]}" history --limit 1 -o json | grep -q "$digest" \
  || fail "revision 3 is exactly the reviewed plan ($digest)"

# 3. The base moves between review and merge.
git checkout -q -b late main
account late late@contoso.com > manifests/late.yaml
git add manifests && git commit -qm "late" && git push -q origin late
expect_exit 2 "$recipe" review origin/main origin/late "$work/pr3"
git checkout -q -b early main
account early early@contoso.com > manifests/early.yaml
git add manifests && git commit -qm "early" && git push -q origin early
expect_exit 2 "$recipe" review origin/main origin/early "$work/pr4"
git checkout -q main && git merge -q --no-ff -m "Merge early" early && git push -q origin main
expect_exit 0 "$recipe" deploy origin/main "$work/pr4"
[ "$(revision)" = 4 ] || fail "early deployed as revision 4"
git merge -q --no-ff -m "Merge late" late && git push -q origin main
expect_exit 3 "$recipe" deploy origin/main "$work/pr3"
[ "$(revision)" = 4 ] || fail "nothing applied when the base moved"
[ -f "$work/pr3/replan/plan.json" ] || fail "a new plan is made for review"
grep -q '"create" : 1' "$work/pr3/replan/plan.json" || fail "the new plan creates late only"
[ "$(cat "$work/pr3/replan/reviewed.commit")" = "$(git rev-parse origin/main)" ] \
  || fail "the new plan is of the merged commit"

# 4. Merged as reviewed, but another apply came first: the saved plan is stale.
expect_exit 0 "${tenantctl[@]}" apply "$work/pr3/replan/plan.json"
git checkout -q -b outside main
account outside outside@contoso.com > manifests/outside.yaml
git add manifests && git commit -qm "outside" && git push -q origin outside
expect_exit 2 "$recipe" review origin/main origin/outside "$work/pr5"
mkdir -p "$work/elsewhere"
account elsewhere elsewhere@contoso.com > "$work/elsewhere/a.yaml"
expect_exit 0 "${tenantctl[@]}" apply -f "$work/elsewhere" --applyset elsewhere --auto-approve
git checkout -q main && git merge -q --no-ff -m "Merge outside" outside && git push -q origin main
before=$(revision)
expect_exit 3 "$recipe" deploy origin/main "$work/pr5"
[ "$(revision)" = "$before" ] || fail "nothing applied when the saved plan is stale"
[ -f "$work/pr5/replan/plan.json" ] || fail "a new plan is made for review after a stale plan"

echo "gitops recipe: all scenarios passed"
