package io.tenantctl.model;

import java.util.Optional;

/**
 * What a live subscription is in the middle of (the {@code entra} world): a change of directory an
 * owner requested and no global administrator of the target has accepted yet. Kept in the state,
 * never in manifests, exports or diffs.
 */
public record SubscriptionStatus(Optional<PendingDirectoryChange> pendingDirectoryChange) {

    public static final SubscriptionStatus NONE = new SubscriptionStatus(Optional.empty());

    /**
     * A requested change of directory.
     *
     * @param tenant      the tenant the subscription is to trust
     * @param requestedBy the owner who requested it (normalised sign-in name)
     */
    public record PendingDirectoryChange(String tenant, String requestedBy) {
        public PendingDirectoryChange {
            requestedBy = Names.key(requestedBy);
        }
    }

    public boolean isEmpty() {
        return pendingDirectoryChange.isEmpty();
    }
}
