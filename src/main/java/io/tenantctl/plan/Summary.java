package io.tenantctl.plan;

import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import java.util.Map;

/** How many objects a plan creates, updates, deletes, leaves unchanged, and keeps unmanaged. */
public record Summary(int create, int update, int delete, int unchanged, int kept) {

    public static final Summary NONE = new Summary(0, 0, 0, 0, 0);

    public static Summary of(ChangeSet changes) {
        Map<ChangeAction, Integer> c = changes.counts();
        return new Summary(c.get(ChangeAction.CREATE), c.get(ChangeAction.UPDATE), c.get(ChangeAction.DELETE),
                c.get(ChangeAction.UNCHANGED), c.get(ChangeAction.KEEP));
    }

    public boolean hasChanges() {
        return create + update + delete > 0;
    }
}
