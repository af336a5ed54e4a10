package io.tenantctl.plan;

import io.tenantctl.diag.Silenced;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many objects a plan creates, updates, deletes, leaves unchanged, keeps unmanaged, and adopts:
 * declared objects that another applyset (or nobody) owned, which this applyset owns once applied;
 * how many temporary grants its steps give and take back ({@code --allow-temporary-grants}); and
 * how many warnings it does not show, by code ({@code tenantctl.io/ignore-warnings},
 * {@code --ignore-warnings}).
 */
public record Summary(
        int create,
        int update,
        int delete,
        int unchanged,
        int kept,
        int adopt,
        int temporaryGrants,
        Silenced silenced) {

    public static final Summary NONE = new Summary(0, 0, 0, 0, 0, 0, 0);

    /** A summary without silenced warnings. */
    public Summary(int create, int update, int delete, int unchanged, int kept, int adopt, int temporaryGrants) {
        this(create, update, delete, unchanged, kept, adopt, temporaryGrants, Silenced.NONE);
    }

    /** A summary without temporary grants nor silenced warnings. */
    public Summary(int create, int update, int delete, int unchanged, int kept, int adopt) {
        this(create, update, delete, unchanged, kept, adopt, 0);
    }

    public Summary withTemporaryGrants(int count) {
        return new Summary(create, update, delete, unchanged, kept, adopt, count, silenced);
    }

    public Summary withSilenced(Silenced warnings) {
        return new Summary(create, update, delete, unchanged, kept, adopt, temporaryGrants, warnings);
    }

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

    /** The counts by name, as the history shows them; {@code temporaryGrants} only when there are any. */
    public Map<String, Integer> asMap() {
        if (temporaryGrants > 0) {
            Map<String, Integer> all = new TreeMap<>(counts());
            all.put("temporaryGrants", temporaryGrants);
            return all;
        }
        return counts();
    }

    private Map<String, Integer> counts() {
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
