package io.tenantctl.apply;

import io.tenantctl.state.ActionRecord;
import io.tenantctl.step.ExternalAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The external actions of a state during one apply: what the state recorded, the confirmations the
 * operator gave ({@code --confirm}), and what this apply changes (found waiting, done), to be
 * written with its commit.
 */
final class ActionLedger {

    private final Map<String, ActionRecord> byId = new LinkedHashMap<>();
    private final Map<String, ActionRecord> changed = new LinkedHashMap<>();
    private final Instant now;

    ActionLedger(List<ActionRecord> recorded, Instant now) {
        recorded.forEach(a -> byId.put(a.id(), a));
        this.now = now;
    }

    /** The ids among these that are not waiting; empty when every one is. */
    List<String> unknown(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            ActionRecord a = byId.get(id);
            if (a == null || a.status() != ActionRecord.Status.WAITING) {
                out.add(id);
            }
        }
        return out;
    }

    /** The ids of the actions waiting now, for the message that names them. */
    List<String> waiting() {
        return byId.values().stream()
                .filter(a -> a.status() == ActionRecord.Status.WAITING)
                .map(ActionRecord::id)
                .toList();
    }

    void confirm(List<String> ids, String by) {
        for (String id : ids) {
            put(byId.get(id).confirmed(now, by));
        }
    }

    boolean isConfirmed(ExternalAction action) {
        return Optional.ofNullable(byId.get(action.id()))
                .map(a -> a.status() == ActionRecord.Status.CONFIRMED)
                .orElse(false);
    }

    /** The action is awaited from the apply that left the state at this revision. */
    void await(ExternalAction action, long revision) {
        put(new ActionRecord(
                action.id(),
                action.who(),
                action.what(),
                ActionRecord.Status.WAITING,
                revision,
                now,
                Optional.empty(),
                Optional.empty()));
    }

    /** The step that needed the confirmed action was applied. */
    void done(ExternalAction action) {
        ActionRecord a = byId.get(action.id());
        if (a != null && a.status() == ActionRecord.Status.CONFIRMED) {
            put(a.done());
        }
    }

    List<ActionRecord> changed() {
        return List.copyOf(changed.values());
    }

    private void put(ActionRecord a) {
        byId.put(a.id(), a);
        changed.put(a.id(), a);
    }
}
