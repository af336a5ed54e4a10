package io.tenantctl.model;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A directory. Its initial domain ({@code x.onmicrosoft.com}) is given at creation and never
 * changes; custom domains come and go. Domains and administrators are normalised keys.
 */
public record Tenant(
        Metadata metadata,
        String displayName,
        String initialDomain,
        SortedSet<String> domains,
        SortedSet<String> globalAdministrators)
        implements WorldObject {

    public Tenant {
        initialDomain = Names.key(initialDomain);
        domains = Names.frozenKeys(domains);
        globalAdministrators = Names.frozenKeys(globalAdministrators);
    }

    @Override
    public Kind kind() {
        return Kind.TENANT;
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

    public Tenant withGlobalAdministrators(SortedSet<String> admins) {
        return new Tenant(metadata, displayName, initialDomain, domains, admins);
    }

    public Tenant withGlobalAdministrator(String account) {
        TreeSet<String> admins = new TreeSet<>(globalAdministrators);
        admins.add(Names.key(account));
        return withGlobalAdministrators(admins);
    }

    public Tenant withoutGlobalAdministrator(String account) {
        TreeSet<String> admins = new TreeSet<>(globalAdministrators);
        admins.remove(Names.key(account));
        return withGlobalAdministrators(admins);
    }

    public Tenant withDomains(SortedSet<String> newDomains) {
        return new Tenant(metadata, displayName, initialDomain, newDomains, globalAdministrators);
    }

    /** The same tenant with another display name and metadata: what an update step changes. */
    public Tenant withDescription(Metadata newMetadata, String newDisplayName) {
        return new Tenant(newMetadata, newDisplayName, initialDomain, domains, globalAdministrators);
    }
}
