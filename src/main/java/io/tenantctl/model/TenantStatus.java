package io.tenantctl.model;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a live tenant is in the middle of, that no manifest sets and a plan must respect (the
 * {@code entra} world): guests invited who have not redeemed, custom domains added but not yet
 * verified, and global administrators whose access is elevated right now. Kept in the state and in
 * the worlds a plan is proved on; never in manifests, exports or diffs.
 *
 * @param pendingGuests     invited guests that have not redeemed (a subset of the tenant's guests)
 * @param unverifiedDomains domains added and not verified (not in the tenant's domains until verified)
 * @param elevated          global administrators holding User Access Administrator at root scope
 */
public record TenantStatus(
        SortedSet<String> pendingGuests, SortedSet<String> unverifiedDomains, SortedSet<String> elevated) {

    public static final TenantStatus NONE = new TenantStatus(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());

    public TenantStatus {
        pendingGuests = Names.frozenKeys(pendingGuests);
        unverifiedDomains = Names.frozenKeys(unverifiedDomains);
        elevated = Names.frozenKeys(elevated);
    }

    public boolean isEmpty() {
        return pendingGuests.isEmpty() && unverifiedDomains.isEmpty() && elevated.isEmpty();
    }

    public TenantStatus withPendingGuests(SortedSet<String> guests) {
        return new TenantStatus(guests, unverifiedDomains, elevated);
    }

    public TenantStatus withUnverifiedDomains(SortedSet<String> domains) {
        return new TenantStatus(pendingGuests, domains, elevated);
    }

    public TenantStatus withElevated(SortedSet<String> accounts) {
        return new TenantStatus(pendingGuests, unverifiedDomains, accounts);
    }

    /** The set with the key added or removed, for the {@code with...} methods. */
    static SortedSet<String> edit(SortedSet<String> set, String key, boolean add) {
        if (set instanceof KeySet keys) {
            return keys.edit(Names.key(key), add);
        }
        TreeSet<String> out = new TreeSet<>(set);
        if (add) {
            out.add(Names.key(key));
        } else {
            out.remove(Names.key(key));
        }
        return out;
    }
}
