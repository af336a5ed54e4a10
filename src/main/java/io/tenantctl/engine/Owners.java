package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.model.WorldObject;
import io.tenantctl.rules.Violation;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.Snapshot;
import io.tenantctl.validate.DesiredState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which applyset owns what, as a plan must respect it. An applyset owns what its manifests declare;
 * declaring an object that another applyset owns would move it silently, the way two GitOps
 * sources fighting over one object do, so it is refused unless {@code --force-adopt} says so, and
 * even then each move is named. Objects nobody owns (made before applysets, or restored) are
 * adopted without asking. Objects other applysets own and these manifests leave alone are no
 * business of this plan: it counts them and lists none of them.
 */
final class Owners {

    private static final String NAME = "/metadata/name";

    private Owners() {}

    /** The applyset that owns a live object, when one does. */
    private static Optional<String> owner(Snapshot state, WorldObject object) {
        return state.ownership(object.ref()).map(Ownership::applyset).filter(a -> !a.isEmpty());
    }

    /**
     * Declared objects another applyset owns: an error each, naming the owner, or with
     * {@code --force-adopt} a warning each that says the object moves.
     */
    static List<Violation> takeovers(Snapshot state, DesiredState desired, PlanOptions options) {
        List<Violation> out = new ArrayList<>();
        for (WorldObject object : desired.objects()) {
            if (state.world().get(object.ref()).isEmpty()) {
                continue;
            }
            Optional<String> owner = owner(state, object).filter(a -> !a.equals(options.applyset()));
            if (owner.isEmpty()) {
                continue;
            }
            if (options.forceAdopt()) {
                out.add(Violation.warning(
                        Codes.ADOPT,
                        object.ref(),
                        NAME,
                        object.ref() + " moves from applyset " + owner.get() + " to applyset " + options.applyset()
                                + " (--force-adopt)"));
            } else {
                out.add(Violation.error(
                        Codes.ADOPT,
                        object.ref(),
                        NAME,
                        object.ref() + " belongs to applyset " + owner.get() + "; applying it as applyset "
                                + options.applyset() + " would take it over. Remove it from these manifests, apply"
                                + " it as --applyset " + owner.get() + ", or move it on purpose with --force-adopt"));
            }
        }
        return out;
    }

    /** Declared objects that exist and are owned by another applyset, or by none: what an apply adopts. */
    static int adoptions(Snapshot state, DesiredState desired, PlanOptions options) {
        int count = 0;
        for (WorldObject object : desired.objects()) {
            if (state.world().get(object.ref()).isPresent()
                    && !state.ownership(object.ref())
                            .map(o -> o.applyset().equals(options.applyset()))
                            .orElse(false)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The changes a plan lists: every one but the kept objects of other applysets, which the
     * summary's {@code kept} still counts.
     */
    static List<Change> listed(List<Change> changes, Snapshot state, PlanOptions options) {
        List<Change> out = new ArrayList<>(changes.size());
        for (Change change : changes) {
            boolean others = change.action() == ChangeAction.KEEP
                    && change.before()
                            .flatMap(o -> owner(state, o))
                            .filter(a -> !a.equals(options.applyset()))
                            .isPresent();
            if (!others) {
                out.add(change);
            }
        }
        return out;
    }
}
