package io.tenantctl.world;

import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The queries of {@link WorldView}, answered from an {@link Index}; shared by both kinds of world. */
abstract sealed class IndexedWorld implements WorldView permits World, MutableWorld {

    final Index index;

    IndexedWorld(Index index) {
        this.index = index;
    }

    /** Every object, tenants first, then accounts (by sign-in name), then subscriptions. */
    public List<WorldObject> objects() {
        List<WorldObject> all = new ArrayList<>(size());
        all.addAll(index.tenants());
        all.addAll(index.accounts());
        all.addAll(index.subscriptions());
        return all;
    }

    @Override
    public Optional<Tenant> tenant(String name) {
        return index.tenant(name);
    }

    @Override
    public Optional<Account> account(String key) {
        return index.account(key);
    }

    @Override
    public Optional<Account> accountNamed(String name) {
        return index.accountNamed(name);
    }

    @Override
    public Optional<Subscription> subscription(String name) {
        return index.subscription(name);
    }

    @Override
    public Optional<WorldObject> get(ObjectRef ref) {
        return index.get(ref);
    }

    @Override
    public Collection<Tenant> tenants() {
        return index.tenants();
    }

    @Override
    public Collection<Account> accounts() {
        return index.accounts();
    }

    @Override
    public Collection<Subscription> subscriptions() {
        return index.subscriptions();
    }

    @Override
    public Set<String> domainOwners(String domain) {
        return index.domainOwners(domain);
    }

    @Override
    public Set<String> accountsOnDomain(String domain) {
        return index.accountsOnDomain(domain);
    }

    @Override
    public Set<String> tenantsAdministeredBy(String accountKey) {
        return index.tenantsAdministeredBy(accountKey);
    }

    @Override
    public Set<String> subscriptionsReferencing(String accountKey) {
        return index.subscriptionsReferencing(accountKey);
    }

    @Override
    public Set<String> subscriptionsTrusting(String tenant) {
        return index.subscriptionsTrusting(tenant);
    }

    @Override
    public int size() {
        return index.size();
    }
}
