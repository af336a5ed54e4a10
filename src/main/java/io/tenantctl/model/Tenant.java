package io.tenantctl.model;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A directory. Its initial domain ({@code x.onmicrosoft.com}) is given at creation and never
 * changes; custom domains come and go. Domains and administrators are normalised keys.
 *
 * @param guests accounts not homed in the tenant that have a user object in it (the {@code entra}
 *               world's B2B guests; always empty in the classic world)
 * @param status what the live tenant is in the middle of; never in a manifest ({@link TenantStatus})
 */
public record Tenant(
        Metadata metadata,
        String displayName,
        String initialDomain,
        SortedSet<String> domains,
        SortedSet<String> globalAdministrators,
        SortedSet<String> guests,
        TenantStatus status)
        implements WorldObject {

    public Tenant {
        initialDomain = Names.key(initialDomain);
        domains = Names.frozenKeys(domains);
        globalAdministrators = Names.frozenKeys(globalAdministrators);
        guests = Names.frozenKeys(guests);
    }

    /** A tenant of the classic world: no guests, no status. */
    public Tenant(
            Metadata metadata,
            String displayName,
            String initialDomain,
            SortedSet<String> domains,
            SortedSet<String> globalAdministrators) {
        this(metadata, displayName, initialDomain, domains, globalAdministrators, new TreeSet<>(), TenantStatus.NONE);
    }

    @Override
    public Kind kind() {
        return Kind.TENANT;
    }

    @Override
    public Tenant withoutStatus() {
        return status.isEmpty() ? this : withStatus(TenantStatus.NONE);
    }

    /** The initial domain and every custom domain. */
    public SortedSet<String> allDomains() {
        TreeSet<String> all = new TreeSet<>(domains);
        all.add(initialDomain);
        return all;
    }

    public boolean hasDomain(String domain) {
        return initialDomain.equals(domain) || domains.contains(domain);
    }

    /** A guest that has redeemed its invitation (or never had one to redeem). */
    public boolean hasAcceptedGuest(String account) {
        return guests.contains(account) && !status.pendingGuests().contains(account);
    }

    public Tenant withGlobalAdministrators(SortedSet<String> admins) {
        return new Tenant(metadata, displayName, initialDomain, domains, admins, guests, status);
    }

    public Tenant withGlobalAdministrator(String account) {
        return withGlobalAdministrators(TenantStatus.edit(globalAdministrators, account, true));
    }

    public Tenant withoutGlobalAdministrator(String account) {
        return withGlobalAdministrators(TenantStatus.edit(globalAdministrators, account, false));
    }

    public Tenant withDomains(SortedSet<String> newDomains) {
        return new Tenant(metadata, displayName, initialDomain, newDomains, globalAdministrators, guests, status);
    }

    public Tenant withGuests(SortedSet<String> newGuests) {
        return new Tenant(metadata, displayName, initialDomain, domains, globalAdministrators, newGuests, status);
    }

    public Tenant withGuest(String account, boolean present) {
        return withGuests(TenantStatus.edit(guests, account, present));
    }

    public Tenant withStatus(TenantStatus newStatus) {
        return new Tenant(metadata, displayName, initialDomain, domains, globalAdministrators, guests, newStatus);
    }

    /** The same tenant with another display name and metadata: what an update step changes. */
    public Tenant withDescription(Metadata newMetadata, String newDisplayName) {
        return new Tenant(newMetadata, newDisplayName, initialDomain, domains, globalAdministrators, guests, status);
    }
}
