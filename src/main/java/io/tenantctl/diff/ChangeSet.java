package io.tenantctl.diff;

import io.tenantctl.world.World;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every object's change, sorted by kind then name, and the complete desired world: the manifests
 * plus what the state holds that is kept.
 */
public record ChangeSet(List<Change> changes, World desired) {

    public ChangeSet {
        changes = List.copyOf(changes);
    }

    public Map<ChangeAction, Integer> counts() {
        Map<ChangeAction, Integer> counts = new EnumMap<>(ChangeAction.class);
        for (ChangeAction action : ChangeAction.values()) {
            counts.put(action, 0);
        }
        for (Change change : changes) {
            counts.merge(change.action(), 1, Integer::sum);
        }
        return counts;
    }

    public boolean hasChanges() {
        for (Change change : changes) {
            if (change.action() == ChangeAction.CREATE
                    || change.action() == ChangeAction.UPDATE
                    || change.action() == ChangeAction.DELETE) {
                return true;
            }
        }
        return false;
    }
}
