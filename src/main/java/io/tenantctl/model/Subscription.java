package io.tenantctl.model;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An Azure or Office 365 subscription and the tenant it trusts. The administrator fields are empty
 * for Office 365, which has no classic administrator roles. Account references are normalised keys.
 *
 * @param owners  the accounts holding the Azure {@code Owner} role at subscription scope (the
 *                {@code entra} world; always empty in the classic world)
 * @param offerId the commercial offer ({@code MS-AZR-0003P}), which decides whether it may change
 *                directory; optional
 * @param status  what the live subscription is in the middle of; never in a manifest
 */
public record Subscription(
        Metadata metadata,
        Offer offer,
        String tenant,
        Optional<String> displayName,
        Optional<String> accountAdministrator,
        Optional<String> serviceAdministrator,
        SortedSet<String> coAdministrators,
        SortedSet<String> owners,
        Optional<String> offerId,
        SubscriptionStatus status)
        implements WorldObject {

    public Subscription {
        accountAdministrator = accountAdministrator.map(Names::key);
        serviceAdministrator = serviceAdministrator.map(Names::key);
        coAdministrators = Names.frozenKeys(coAdministrators);
        owners = Names.frozenKeys(owners);
    }

    /** A subscription of the classic world: no owners, no offer id, no status. */
    public Subscription(
            Metadata metadata,
            Offer offer,
            String tenant,
            Optional<String> displayName,
            Optional<String> accountAdministrator,
            Optional<String> serviceAdministrator,
            SortedSet<String> coAdministrators) {
        this(
                metadata,
                offer,
                tenant,
                displayName,
                accountAdministrator,
                serviceAdministrator,
                coAdministrators,
                new TreeSet<>(),
                Optional.empty(),
                SubscriptionStatus.NONE);
    }

    @Override
    public Kind kind() {
        return Kind.SUBSCRIPTION;
    }

    @Override
    public Subscription withoutStatus() {
        return status.isEmpty() ? this : withStatus(SubscriptionStatus.NONE);
    }

    public boolean isAzure() {
        return offer == Offer.AZURE;
    }

    private Subscription with(
            String newTenant,
            Optional<String> newServiceAdministrator,
            SortedSet<String> newCoAdministrators,
            SortedSet<String> newOwners,
            SubscriptionStatus newStatus) {
        return new Subscription(
                metadata,
                offer,
                newTenant,
                displayName,
                accountAdministrator,
                newServiceAdministrator,
                newCoAdministrators,
                newOwners,
                offerId,
                newStatus);
    }

    public Subscription withTenant(String newTenant) {
        return with(newTenant, serviceAdministrator, coAdministrators, owners, status);
    }

    public Subscription withServiceAdministrator(String account) {
        return with(tenant, Optional.of(account), coAdministrators, owners, status);
    }

    public Subscription withCoAdministrators(SortedSet<String> admins) {
        return with(tenant, serviceAdministrator, admins, owners, status);
    }

    public Subscription withCoAdministrator(String account) {
        return withCoAdministrators(TenantStatus.edit(coAdministrators, account, true));
    }

    public Subscription withoutCoAdministrator(String account) {
        return withCoAdministrators(TenantStatus.edit(coAdministrators, account, false));
    }

    public Subscription withOwners(SortedSet<String> newOwners) {
        return with(tenant, serviceAdministrator, coAdministrators, newOwners, status);
    }

    public Subscription withOwner(String account, boolean present) {
        return withOwners(TenantStatus.edit(owners, account, present));
    }

    public Subscription withStatus(SubscriptionStatus newStatus) {
        return with(tenant, serviceAdministrator, coAdministrators, owners, newStatus);
    }

    public Subscription withDescription(Metadata newMetadata, Optional<String> newDisplayName) {
        return new Subscription(
                newMetadata,
                offer,
                tenant,
                newDisplayName,
                accountAdministrator,
                serviceAdministrator,
                coAdministrators,
                owners,
                offerId,
                status);
    }

    /** True when the account holds the service administrator or a co-administrator role. */
    public boolean isAdministeredBy(String account) {
        return serviceAdministrator.map(account::equals).orElse(false) || coAdministrators.contains(account);
    }
}
