package io.tenantctl.model;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An Azure or Office 365 subscription and the tenant it trusts. The administrator fields are empty
 * for Office 365, which has no classic administrator roles. Account references are normalised keys.
 */
public record Subscription(
        Metadata metadata,
        Offer offer,
        String tenant,
        Optional<String> displayName,
        Optional<String> accountAdministrator,
        Optional<String> serviceAdministrator,
        SortedSet<String> coAdministrators)
        implements WorldObject {

    public Subscription {
        accountAdministrator = accountAdministrator.map(Names::key);
        serviceAdministrator = serviceAdministrator.map(Names::key);
        coAdministrators = Names.frozenKeys(coAdministrators);
    }

    @Override
    public Kind kind() {
        return Kind.SUBSCRIPTION;
    }

    public boolean isAzure() {
        return offer == Offer.AZURE;
    }

    public Subscription withTenant(String newTenant) {
        return new Subscription(
                metadata, offer, newTenant, displayName, accountAdministrator, serviceAdministrator, coAdministrators);
    }

    public Subscription withServiceAdministrator(String account) {
        return new Subscription(
                metadata, offer, tenant, displayName, accountAdministrator, Optional.of(account), coAdministrators);
    }

    public Subscription withCoAdministrators(SortedSet<String> admins) {
        return new Subscription(
                metadata, offer, tenant, displayName, accountAdministrator, serviceAdministrator, admins);
    }

    public Subscription withCoAdministrator(String account) {
        TreeSet<String> admins = new TreeSet<>(coAdministrators);
        admins.add(Names.key(account));
        return withCoAdministrators(admins);
    }

    public Subscription withoutCoAdministrator(String account) {
        TreeSet<String> admins = new TreeSet<>(coAdministrators);
        admins.remove(Names.key(account));
        return withCoAdministrators(admins);
    }

    public Subscription withDescription(Metadata newMetadata, Optional<String> newDisplayName) {
        return new Subscription(
                newMetadata,
                offer,
                tenant,
                newDisplayName,
                accountAdministrator,
                serviceAdministrator,
                coAdministrators);
    }

    /** True when the account holds the service administrator or a co-administrator role. */
    public boolean isAdministeredBy(String account) {
        return serviceAdministrator.map(account::equals).orElse(false) || coAdministrators.contains(account);
    }
}
