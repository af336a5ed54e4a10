package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.diag.Location;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.Snapshot;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What {@code --prune} may delete, made safe the way GitOps tools learned to: only objects the
 * applyset owns (by the name it was applied with, never guessed from folders), never an object
 * another applyset or nobody owns, never an object annotated {@code tenantctl.io/protect: "true"}
 * in the state, and never more than a fraction of what the applyset owns unless confirmed.
 */
final class Pruning {

    static final String PROTECT = "tenantctl.io/protect";

    private Pruning() {}

    /** Which undeclared objects may go; reports protected ones as warnings. */
    static Predicate<WorldObject> prunable(Snapshot state, PlanOptions options, Diagnostics diagnostics) {
        if (!options.prune()) {
            return object -> false;
        }
        return object -> {
            boolean owned = state.ownership(object.ref())
                    .map(Ownership::applyset)
                    .map(options.applyset()::equals)
                    .orElse(false);
            if (!owned) {
                return false;
            }
            if ("true".equals(object.metadata().annotations().get(PROTECT))) {
                diagnostics.add(Diagnostic.warning(
                        Codes.PROTECTED,
                        object.ref() + " is no longer in the manifests but"
                                + " is annotated " + PROTECT
                                + ": \"true\" in the state, so it is kept; remove the annotation"
                                + " in an apply of its own to let a later prune delete it",
                        Location.NONE));
                return false;
            }
            return true;
        };
    }

    /**
     * Refuses a prune that deletes more than the allowed fraction of what the applyset owns, or all
     * of it: the typical accident is a manifest folder renamed or a path mistyped in a pipeline.
     */
    static void limit(Snapshot state, PlanOptions options, Collection<WorldObject> deleted, Diagnostics diagnostics) {
        if (deleted.isEmpty() || options.allowMassPrune()) {
            return;
        }
        Set<String> owned = new HashSet<>();
        state.ownership().forEach((ref, o) -> {
            if (o.applyset().equals(options.applyset())) {
                owned.add(ref.toString());
            }
        });
        int count = deleted.size();
        boolean all = count >= owned.size();
        boolean tooMany = count > Math.floor(owned.size() * options.maxPrune());
        if (all || tooMany) {
            TreeSet<String> names = new TreeSet<>();
            deleted.forEach(o -> names.add(o.ref().toString()));
            String shown = String.join(", ", names.stream().limit(10).toList()) + (names.size() > 10 ? ", ..." : "");
            diagnostics.add(Diagnostic.error(
                    Codes.PRUNE,
                    "this prune would delete " + count + " of the "
                            + owned.size() + " objects applyset " + options.applyset() + " owns ("
                            + (all ? "all of them" : "more than " + Math.round(options.maxPrune() * 100) + "%") + "): "
                            + shown + "; if that is intended, confirm with --allow-mass-prune"));
        }
    }
}
