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
        Map<Long, Optional<RevisionRecord>> revisions = new HashMap<>();
        TreeSet<ObjectRef> refs = new TreeSet<>();
        declared.forEach(o -> refs.add(o.ref()));
        List<Drift> out = new ArrayList<>();
        for (ObjectRef ref : refs) {
            Applied was = applied.get(ref);
            if (was == null) {
                continue;
            }
            Optional<WorldObject> live = state.world().get(ref);
            if (live.isPresent() && live.get().equals(was.object())) {
                continue;
            }
            long changed = live.isPresent()
                    ? state.ownership(ref).map(Ownership::revision).orElse(0L)
                    : store.deletedIn(ref).orElse(0L);
            Optional<RevisionRecord> by =
                    changed == 0 ? Optional.empty() : revisions.computeIfAbsent(changed, store::revision);
            out.add(new Drift(
                    ref,
                    live.isPresent() ? Drift.Status.CHANGED : Drift.Status.DELETED,
                    was.revision(),
                    changed,
                    by.map(r -> r.time().toString()).orElse(""),
                    by.map(RevisionRecord::actors).orElse(List.of()),
                    by.map(RevisionRecord::applyset).orElse(""),
                    by.map(RevisionRecord::source).orElse(Map.of()),
                    Differ.fields(was.object(), live.orElse(null))));
        }
        return out;
    }
}
