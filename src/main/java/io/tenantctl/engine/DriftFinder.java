package io.tenantctl.engine;

import io.tenantctl.diff.Differ;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.Drift;
import io.tenantctl.state.Applied;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateStore;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds drift: declared objects whose live state is no longer what their applyset last applied,
 * with the revision that changed them since (who, when, from where).
 */
final class DriftFinder {

    private DriftFinder() {}

    static List<Drift> find(StateStore store, Snapshot state, String applyset, List<WorldObject> declared) {
        Map<ObjectRef, Applied> applied = store.differingFromApplied(applyset);
        if (applied.isEmpty()) {
            return List.of();
        }
        return compare(store, state, applied, declared, state.world(), "");
    }

    /**
     * Drift as a live provider sees it: each declared object the applyset applied, compared with
     * what the provider read in the tenants ({@code live}). A difference the state also holds was
     * made by a revision (another applyset, another source), named as {@link #find} names it; any
     * other was made outside tenantctl, and is said to be seen by {@code provider}.
     */
    static List<Drift> findLive(
            StateStore store,
            Snapshot state,
            String applyset,
            List<WorldObject> declared,
            WorldView live,
            String provider) {
        Map<ObjectRef, Applied> applied = store.applied(applyset);
        if (applied.isEmpty()) {
            return List.of();
        }
        return compare(store, state, applied, declared, live, provider);
    }

    private static List<Drift> compare(
            StateStore store,
            Snapshot state,
            Map<ObjectRef, Applied> applied,
            List<WorldObject> declared,
            WorldView live,
            String provider) {
        Map<Long, Optional<RevisionRecord>> revisions = new HashMap<>();
        TreeSet<ObjectRef> refs = new TreeSet<>();
        declared.forEach(o -> refs.add(o.ref()));
        List<Drift> out = new ArrayList<>();
        for (ObjectRef ref : refs) {
            Applied was = applied.get(ref);
            if (was == null) {
                continue;
            }
            Optional<WorldObject> now = live.get(ref);
            if (now.isPresent() && now.get().equals(was.object())) {
                continue;
            }
            boolean outside = !provider.isEmpty() && !now.equals(state.world().get(ref));
            long changed = outside
                    ? 0
                    : now.isPresent()
                            ? state.ownership(ref).map(Ownership::revision).orElse(0L)
                            : store.deletedIn(ref).orElse(0L);
            Optional<RevisionRecord> by =
                    changed == 0 ? Optional.empty() : revisions.computeIfAbsent(changed, store::revision);
            out.add(new Drift(
                    ref,
                    now.isPresent() ? Drift.Status.CHANGED : Drift.Status.DELETED,
                    was.revision(),
                    changed,
                    by.map(r -> r.time().toString()).orElse(""),
                    by.map(RevisionRecord::actors).orElse(List.of()),
                    by.map(RevisionRecord::applyset).orElse(""),
                    by.map(RevisionRecord::source).orElse(Map.of()),
                    Differ.fields(was.object(), now.orElse(null)),
                    outside ? provider : ""));
        }
        return out;
    }
}
