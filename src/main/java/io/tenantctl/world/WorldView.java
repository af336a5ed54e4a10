package io.tenantctl.world;

import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Read-only questions about a world. Account keys and domains are normalised ({@code Names.key}). */
public interface WorldView {

    Optional<Tenant> tenant(String name);

    /** The account with this sign-in name (normalised key). */
    Optional<Account> account(String key);

    /** The account whose {@code metadata.name} this is. */
    Optional<Account> accountNamed(String name);

    Optional<Subscription> subscription(String name);

    Optional<WorldObject> get(ObjectRef ref);

    /** All tenants, by name. */
    Collection<Tenant> tenants();

    /** All accounts, by sign-in name. */
    Collection<Account> accounts();

    /** All subscriptions, by name. */
    Collection<Subscription> subscriptions();

    /** Names of the tenants that claim this domain (more than one is a conflict). */
    Set<String> domainOwners(String domain);

    /** Keys of the accounts whose sign-in name is on this domain. */
    Set<String> accountsOnDomain(String domain);

    /**
     * Names of the tenants that list this account as a global administrator or (in the entra world)
     * as a guest: the tenants it has a user object in without being homed there.
     */
    Set<String> tenantsAdministeredBy(String accountKey);

    /** Names of the subscriptions that name this account in any administrator role or as an owner. */
    Set<String> subscriptionsReferencing(String accountKey);

    /** Names of the subscriptions that trust this tenant. */
    Set<String> subscriptionsTrusting(String tenant);

    int size();

    /**
     * The home tenant of a work or school account: the one tenant that owns the domain of its
     * sign-in name. Empty for Microsoft accounts, and when no tenant or several claim the domain.
     */
    default Optional<Tenant> homeTenant(Account account) {
        if (!account.isWorkOrSchool()) {
            return Optional.empty();
        }
        Set<String> owners = domainOwners(account.domain());
        if (owners.size() != 1) {
            return Optional.empty();
        }
        return tenant(owners.iterator().next());
    }

    /** True when the account is a work or school account homed in the named tenant. */
    default boolean isHomedIn(Account account, String tenant) {
        Optional<Tenant> home = homeTenant(account);
        return home.isPresent() && home.get().name().equals(tenant);
    }

    /** The sign-in name as declared, for messages; the key itself when the account is unknown. */
    default String display(String accountKey) {
        return account(accountKey).map(Account::signInName).orElse(accountKey);
    }
}
