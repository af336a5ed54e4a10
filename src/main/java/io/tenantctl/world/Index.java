package io.tenantctl.world;

import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects and their reverse indexes, kept in step on every put and remove. Shared by the
 * immutable {@link World} (which never changes its copy) and {@link MutableWorld}.
 */
final class Index implements WorldView {

    private final TreeMap<String, Tenant> tenants;
    private final TreeMap<String, Account> accounts;
    private final HashMap<String, String> accountKeyByName;
    private final TreeMap<String, Subscription> subscriptions;
    private final HashMap<String, Set<String>> domainOwners;
    private final HashMap<String, Set<String>> accountsByDomain;
    private final HashMap<String, Set<String>> adminOf;
    private final HashMap<String, Set<String>> subsByAccount;
    private final HashMap<String, Set<String>> subsByTenant;

    Index() {
        tenants = new TreeMap<>();
        accounts = new TreeMap<>();
        accountKeyByName = new HashMap<>();
        subscriptions = new TreeMap<>();
        domainOwners = new HashMap<>();
        accountsByDomain = new HashMap<>();
        adminOf = new HashMap<>();
        subsByAccount = new HashMap<>();
        subsByTenant = new HashMap<>();
    }

    private Index(Index other) {
        tenants = new TreeMap<>(other.tenants);
        accounts = new TreeMap<>(other.accounts);
        accountKeyByName = new HashMap<>(other.accountKeyByName);
        subscriptions = new TreeMap<>(other.subscriptions);
        domainOwners = deepCopy(other.domainOwners);
        accountsByDomain = deepCopy(other.accountsByDomain);
        adminOf = deepCopy(other.adminOf);
        subsByAccount = deepCopy(other.subsByAccount);
        subsByTenant = deepCopy(other.subsByTenant);
    }

    Index copy() {
        return new Index(this);
    }

    private static HashMap<String, Set<String>> deepCopy(Map<String, Set<String>> map) {
        HashMap<String, Set<String>> out = new HashMap<>(Math.max(16, map.size() * 2));
        map.forEach((k, v) -> out.put(k, new HashSet<>(v)));
        return out;
    }

    /** Puts an object, replacing the one of the same kind and name; returns the replaced one. */
    Optional<WorldObject> put(WorldObject object) {
        if (object instanceof Account a) {
            Account clash = accounts.get(a.key());
            if (clash != null && !clash.name().equals(a.name())) {
                // Callers check duplicate-sign-in-name first; reaching here is a bug.
                throw new IllegalStateException("sign-in name " + a.signInName() + " is already used by "
                        + clash.ref());
            }
        }
        Optional<WorldObject> previous = remove(object.ref());
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                tenants.put(t.name(), t);
                for (String domain : t.allDomains()) {
                    link(domainOwners, domain, t.name());
                }
                for (String admin : t.globalAdministrators()) {
                    link(adminOf, admin, t.name());
                }
            }
            case ACCOUNT -> {
                Account a = (Account) object;
                accounts.put(a.key(), a);
                accountKeyByName.put(a.name(), a.key());
                link(accountsByDomain, a.domain(), a.key());
            }
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                subscriptions.put(s.name(), s);
                link(subsByTenant, s.tenant(), s.name());
                for (String admin : admins(s)) {
                    link(subsByAccount, admin, s.name());
                }
            }
        }
        return previous;
    }

    /** Removes the object of this kind and name, if any; returns it. */
    Optional<WorldObject> remove(ObjectRef ref) {
        switch (ref.kind()) {
            case TENANT -> {
                Tenant t = tenants.remove(ref.name());
                if (t == null) {
                    return Optional.empty();
                }
                for (String domain : t.allDomains()) {
                    unlink(domainOwners, domain, t.name());
                }
                for (String admin : t.globalAdministrators()) {
                    unlink(adminOf, admin, t.name());
                }
                return Optional.of(t);
            }
            case ACCOUNT -> {
                String key = accountKeyByName.remove(ref.name());
                if (key == null) {
                    return Optional.empty();
                }
                Account a = accounts.remove(key);
                unlink(accountsByDomain, a.domain(), a.key());
                return Optional.of(a);
            }
            case SUBSCRIPTION -> {
                Subscription s = subscriptions.remove(ref.name());
                if (s == null) {
                    return Optional.empty();
                }
                unlink(subsByTenant, s.tenant(), s.name());
                for (String admin : admins(s)) {
                    unlink(subsByAccount, admin, s.name());
                }
                return Optional.of(s);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Set<String> admins(Subscription s) {
        Set<String> all = new HashSet<>(s.coAdministrators());
        s.accountAdministrator().ifPresent(all::add);
        s.serviceAdministrator().ifPresent(all::add);
        return all;
    }

    private static void link(Map<String, Set<String>> index, String key, String value) {
        index.computeIfAbsent(key, k -> new HashSet<>(4)).add(value);
    }

    private static void unlink(Map<String, Set<String>> index, String key, String value) {
        Set<String> values = index.get(key);
        if (values != null) {
            values.remove(value);
            if (values.isEmpty()) {
                index.remove(key);
            }
        }
    }

    @Override
    public Optional<Tenant> tenant(String name) {
        return Optional.ofNullable(tenants.get(name));
    }

    @Override
    public Optional<Account> account(String key) {
        return Optional.ofNullable(accounts.get(key));
    }

    @Override
    public Optional<Account> accountNamed(String name) {
        String key = accountKeyByName.get(name);
        return key == null ? Optional.empty() : account(key);
    }

    @Override
    public Optional<Subscription> subscription(String name) {
        return Optional.ofNullable(subscriptions.get(name));
    }

    @Override
    public Optional<WorldObject> get(ObjectRef ref) {
        return switch (ref.kind()) {
            case TENANT -> tenant(ref.name()).map(WorldObject.class::cast);
            case ACCOUNT -> accountNamed(ref.name()).map(WorldObject.class::cast);
            case SUBSCRIPTION -> subscription(ref.name()).map(WorldObject.class::cast);
        };
    }

    @Override
    public Collection<Tenant> tenants() {
        return Collections.unmodifiableCollection(tenants.values());
    }

    @Override
    public Collection<Account> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    @Override
    public Collection<Subscription> subscriptions() {
        return Collections.unmodifiableCollection(subscriptions.values());
    }

    @Override
    public Set<String> domainOwners(String domain) {
        return view(domainOwners, domain);
    }

    @Override
    public Set<String> accountsOnDomain(String domain) {
        return view(accountsByDomain, domain);
    }

    @Override
    public Set<String> tenantsAdministeredBy(String accountKey) {
        return view(adminOf, accountKey);
    }

    @Override
    public Set<String> subscriptionsReferencing(String accountKey) {
        return view(subsByAccount, accountKey);
    }

    @Override
    public Set<String> subscriptionsTrusting(String tenant) {
        return view(subsByTenant, tenant);
    }

    @Override
    public int size() {
        return tenants.size() + accounts.size() + subscriptions.size();
    }

    private static Set<String> view(Map<String, Set<String>> index, String key) {
        Set<String> values = index.get(key);
        return values == null ? Set.of() : Collections.unmodifiableSet(values);
    }
}
