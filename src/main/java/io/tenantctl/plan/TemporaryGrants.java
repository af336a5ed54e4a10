package io.tenantctl.plan;

import io.tenantctl.diag.Progress;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.TemporaryGrant;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --allow-temporary-grants}: where no order exists, a role given for part of the plan and
 * taken back before its end, the safest way there is to add one.
 *
 * <p>Only the roles the profile offers for a blocked step ({@code AuthorityPolicy.temporaryGrants}:
 * a global administrator, a service administrator), only to accounts the manifests declare (and,
 * with {@code --as}, only to those identities: nobody else may act, so nobody else could use it);
 * the grant and the step that takes it back are steps like any other, done by an allowed actor and
 * proved with every rule, the revoke after the grant; and a plan with temporary grants is kept only
 * if every object they touched ends exactly as the manifests want it. One grant is added for the
 * first root cause at a time, up to {@link #GRANTS}, each the first candidate that completes the
 * plan or, failing that, places the root.
 */
final class TemporaryGrants {

    /** At most this many temporary grants in one plan. */
    static final int GRANTS = 3;

    private final Alternatives run;
    private final boolean allowed;

    /**
     * @param allowed whether {@code --allow-temporary-grants} was given; without it, only the grants
     *                the profile documents as the way to act are tried
     */
    TemporaryGrants(Alternatives run, boolean allowed) {
        this.run = run;
        this.allowed = allowed;
    }

    /** A complete plan with temporary grants, or null when none was found. */
    Alternatives.Attempt find(List<Step> steps, Alternatives.Attempt failed) {
        if (!Alternatives.worthTrying(failed.pending().size())) {
            return null;
        }
        List<TemporaryGrant> chosen = new ArrayList<>();
        Alternatives.Attempt current = failed;
        for (int round = 0; round < GRANTS; round++) {
            List<Explanation.Root> roots = Explanation.roots(run.trial(), current);
            if (roots.isEmpty()) {
                return null;
            }
            Explanation.Root root = roots.get(0);
            Step blocked = root.step().pending().step();
            Alternatives.Attempt better = null;
            TemporaryGrant betterGrant = null;
            int tried = 0;
            for (String account : Explanation.candidates(run, root, current.world())) {
                for (TemporaryGrant grant : run.trial()
                        .profile()
                        .authority()
                        .temporaryGrants(
                                blocked, account, current.world(), run.changes().desired())) {
                    if (!allowed && !grant.documented()) {
                        continue;
                    }
                    if (tried++ >= Explanation.VARIANTS) {
                        break;
                    }
                    List<TemporaryGrant> with = new ArrayList<>(chosen);
                    with.add(grant);
                    Alternatives.Attempt attempt = run.schedule(steps, with, Progress.NONE);
                    if (attempt.complete()) {
                        if (endsAsDesired(attempt)) {
                            return attempt;
                        }
                    } else if (better == null
                            && attempt.indexOf(blocked).isPresent()
                            && attempt.result().blocked().size()
                                    < current.result().blocked().size()) {
                        better = attempt;
                        betterGrant = grant;
                    }
                }
            }
            if (better == null) {
                return null;
            }
            chosen.add(betterGrant);
            current = better;
        }
        return null;
    }

    /** Whether every object a temporary grant touched ends as the manifests want it. */
    private boolean endsAsDesired(Alternatives.Attempt attempt) {
        WorldView desired = run.changes().desired();
        for (TemporaryGrant grant : attempt.grants()) {
            ObjectRef object = grant.object();
            Optional<WorldObject> end = attempt.world().get(object).map(WorldObject::withoutStatus);
            if (!end.equals(desired.get(object).map(WorldObject::withoutStatus))) {
                return false;
            }
        }
        return true;
    }
}
