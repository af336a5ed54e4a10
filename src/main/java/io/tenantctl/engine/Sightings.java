package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.diag.Location;
import io.tenantctl.diff.Change;
import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.Plan;
import io.tenantctl.provider.Observation;
import io.tenantctl.validate.Silencing;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a provider read, could not see, and saw and does not manage, written into the plan made
 * against its observation: the directory ids it read in the plan's source ({@code tenantIds});
 * what it could not see and what it does not manage as warnings; a change to an object that could
 * not be seen as an error, the plan then having no steps (an unseen object is unknown, never absent
 * or unchanged).
 */
final class Sightings {

    private Sightings() {}

    static Plan apply(Plan plan, Observation seen, WorldView observed, WorldView desired, Silencing run) {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(plan.diagnostics());
        for (String note : seen.unmanaged()) {
            diagnostics.add(Diagnostic.warning(Codes.UNMANAGED, note, Location.NONE));
        }
        Set<String> reported = new TreeSet<>();
        for (Observation.Unseen unseen : seen.unseen()) {
            List<String> touched = new ArrayList<>();
            for (Change change : plan.changes()) {
                if (touches(change, unseen, observed, desired)) {
                    touched.add(change.ref().toString());
                }
            }
            String what = unseen.what() + " could not be seen (" + unseen.why() + ")";
            if (touched.isEmpty()) {
                if (reported.add(what)) {
                    diagnostics.add(Diagnostic.warning(
                            Codes.UNSEEN, what + "; they are planned as the state last knew them", Location.NONE));
                }
            } else {
                diagnostics.add(Diagnostic.error(
                        Codes.UNSEEN,
                        what + ", and the plan would change " + String.join(", ", touched)
                                + "; an object that could not be read is never planned as absent or as it was:"
                                + " plan again once the read succeeds",
                        Location.NONE));
            }
        }
        boolean failed = diagnostics.hasErrors();
        // the plan's own warnings were silenced already: only those added here can be now
        Silencing.Filtered shown = run.filter(diagnostics.sorted());
        // The plan says which directories it was made against: their ids, by tenant name.
        Map<String, String> source = new TreeMap<>(plan.source());
        List<String> ids = new ArrayList<>();
        seen.tenantIds().forEach((name, id) -> ids.add(name + "=" + id));
        if (!ids.isEmpty()) {
            source.put("tenantIds", String.join(",", ids));
        }
        return new Plan(
                plan.base(),
                plan.profile(),
                plan.as(),
                source,
                plan.applyset(),
                plan.declared(),
                plan.summary().withSilenced(plan.summary().silenced().plus(shown.silenced())),
                plan.changes(),
                failed ? List.of() : plan.steps(),
                plan.drift(),
                shown.shown());
    }

    private static boolean touches(Change change, Observation.Unseen unseen, WorldView observed, WorldView desired) {
        return sides(change).stream().anyMatch(concerns(unseen, observed, desired));
    }

    /**
     * Which objects a read that failed leaves unknown: the tenant itself, the accounts on its domains
     * (as observed or declared), or the subscriptions that trust it, by the kind that could not be
     * read. Status no manifest declares (elevated access) concerns no object.
     */
    static Predicate<WorldObject> concerns(Observation.Unseen unseen, WorldView observed, WorldView desired) {
        String tenant = unseen.tenant();
        if (unseen.status()) {
            return o -> false;
        }
        Set<String> domains = new TreeSet<>();
        observed.tenant(tenant).ifPresent(t -> domains.addAll(t.allDomains()));
        desired.tenant(tenant).ifPresent(t -> domains.addAll(t.allDomains()));
        return o -> o.ref().kind().manifestName().equals(unseen.kind())
                && switch (o.ref().kind()) {
                    case TENANT -> o.ref().name().equals(tenant);
                    case ACCOUNT -> o instanceof Account a && domains.contains(a.domain());
                    case SUBSCRIPTION ->
                        o instanceof Subscription s && s.tenant().equals(tenant);
                };
    }

    private static List<WorldObject> sides(Change change) {
        List<WorldObject> out = new ArrayList<>();
        change.before().ifPresent(out::add);
        change.after().ifPresent(out::add);
        return out;
    }
}
