package io.tenantctl.plan;

import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import java.util.Map;

/**
 * How many objects a plan creates, updates, deletes, leaves unchanged, keeps unmanaged, and adopts:
 * declared objects that another applyset (or nobody) owned, which this applyset owns once applied.
 */
public record Summary(int create, int update, int delete, int unchanged, int kept, int adopt) {

    public static final Summary NONE = new Summary(0, 0, 0, 0, 0, 0);

    public static Summary of(ChangeSet changes, int adopt) {
        Map<ChangeAction, Integer> c = changes.counts();
        return new Summary(
                c.get(ChangeAction.CREATE),
                c.get(ChangeAction.UPDATE),
                c.get(ChangeAction.DELETE),
                c.get(ChangeAction.UNCHANGED),
                c.get(ChangeAction.KEEP),
                adopt);
    }

    public boolean hasChanges() {
        return create + update + delete + adopt > 0;
    }

    /** The counts by name, as plans and the history show them. */
    public Map<String, Integer> asMap() {
        return Map.of(
                "create",
                create,
                "update",
                update,
                "delete",
                delete,
                "unchanged",
                unchanged,
                "kept",
                kept,
                "adopt",
                adopt);
    }
}
