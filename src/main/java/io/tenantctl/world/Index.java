package io.tenantctl.world;

import io.tenantctl.model.Account;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The objects and their reverse indexes, kept in step on every put and remove. Shared by the
 * immutable {@link World} (which never changes its copy) and {@link MutableWorld}.
 *
 * <p>Each kind is kept twice: in a sorted map, because everything users see is listed in order,
 * and in a hash map, because the rules and the planner look objects up by name hundreds of
 * thousands of times per plan and a tree lookup per reference was a third of planning time.
 */
final class Index implements WorldView {

    private final TreeMap<String, Tenant> tenants;
    private final TreeMap<String, Account> accounts;
    private final TreeMap<String, Subscription> subscriptions;
    private final HashMap<String, Tenant> tenantLookup;
    private final HashMap<String, Account> accountLookup;
    private final HashMap<String, Subscription> subscriptionLookup;
    private final HashMap<String, String> accountKeyByName;
    private final HashMap<String, Set<String>> domainOwners;
    private final HashMap<String, Set<String>> accountsByDomain;
    private final HashMap<String, Set<String>> adminOf;
    private final HashMap<String, Set<String>> subsByAccount;
    private final HashMap<String, Set<String>> subsByTenant;

    /** Told of every piece that changes; set only while the planner watches a working world. */
    Tracker tracker;

    Index() {
        this(0, 0, 0);
    }

    /**
     * An empty index with room for this many objects of each kind: a world of 100,000 objects
     * built in one go would otherwise grow (and rehash) each hash map a dozen times.
     */
    Index(int tenantCount, int accountCount, int subscriptionCount) {
        tenants = new TreeMap<>();
        accounts = new TreeMap<>();
        subscriptions = new TreeMap<>();
        tenantLookup = sized(tenantCount);
        accountLookup = sized(accountCount);
        subscriptionLookup = sized(subscriptionCount);
        accountKeyByName = sized(accountCount);
        domainOwners = sized(tenantCount);
        accountsByDomain = sized(tenantCount);
        adminOf = new HashMap<>();
        subsByAccount = new HashMap<>();
        subsByTenant = sized(tenantCount);
    }

    private static <V> HashMap<String, V> sized(int count) {
        return new HashMap<>(Math.max(16, count + count / 3 + 1));
    }

    private Index(Index other) {
        tenants = new TreeMap<>(other.tenants);
        accounts = new TreeMap<>(other.accounts);
        subscriptions = new TreeMap<>(other.subscriptions);
        tenantLookup = new HashMap<>(other.tenantLookup);
        accountLookup = new HashMap<>(other.accountLookup);
        subscriptionLookup = new HashMap<>(other.subscriptionLookup);
        accountKeyByName = new HashMap<>(other.accountKeyByName);
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
            Account clash = accountLookup.get(a.key());
            if (clash != null && !clash.name().equals(a.name())) {
                // Callers check duplicate-sign-in-name first; reaching here is a bug.
                throw new IllegalStateException(
                        "sign-in name " + a.signInName() + " is already used by " + clash.ref());
            }
        }
        // Replacing an object re-links only the references that changed: an AddCoAdmin on a
        // subscription with twenty co-administrators touches one index entry, not forty.
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                Tenant old = tenantLookup.get(t.name());
                tenants.put(t.name(), t);
                tenantLookup.put(t.name(), t);
                wrote(Key.Space.TENANT, t.name(), old == null);
                relink(
                        Key.Space.DOMAIN_OWNERS,
                        domainOwners,
                        old == null ? Set.of() : old.allDomains(),
                        t.allDomains(),
                        t.name());
                relink(Key.Space.ADMIN_OF, adminOf, old == null ? Set.of() : members(old), members(t), t.name());
                return Optional.ofNullable(old);
            }
            case ACCOUNT -> {
                Account a = (Account) object;
                String oldKey = accountKeyByName.get(a.name());
                if (oldKey != null && !oldKey.equals(a.key())) {
                    Optional<WorldObject> previous = remove(a.ref());
                    insertAccount(a);
                    return previous;
                }
                Account old = oldKey == null ? null : accountLookup.get(oldKey);
                if (old == null) {
                    insertAccount(a);
                } else {
                    accounts.put(a.key(), a);
                    accountLookup.put(a.key(), a);
                    wrote(Key.Space.ACCOUNT, a.key(), false);
                    wrote(Key.Space.ACCOUNT_NAME, a.name(), false);
                }
                return Optional.ofNullable(old);
            }
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                Subscription old = subscriptionLookup.get(s.name());
                subscriptions.put(s.name(), s);
                subscriptionLookup.put(s.name(), s);
                wrote(Key.Space.SUBSCRIPTION, s.name(), old == null);
                relink(
                        Key.Space.SUBSCRIPTIONS_OF_TENANT,
                        subsByTenant,
                        old == null ? Set.of() : Set.of(old.tenant()),
                        Set.of(s.tenant()),
                        s.name());
                if (old == null) {
                    relink(Key.Space.SUBSCRIPTIONS_OF_ACCOUNT, subsByAccount, Set.of(), admins(s), s.name());
                } else {
                    relinkAdmins(old, s);
                }
                return Optional.ofNullable(old);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private void insertAccount(Account a) {
        accounts.put(a.key(), a);
        accountLookup.put(a.key(), a);
        accountKeyByName.put(a.name(), a.key());
        wrote(Key.Space.ACCOUNT, a.key(), true);
        wrote(Key.Space.ACCOUNT_NAME, a.name(), false);
        link(Key.Space.ACCOUNTS_ON_DOMAIN, accountsByDomain, a.domain(), a.key());
    }

    /** Tells the tracker, if any, that a piece changed; and the list of everything, when an object came or went. */
    private void wrote(Key.Space space, String name, boolean cameOrWent) {
        if (tracker != null) {
            tracker.wrote(space, name);
            if (cameOrWent) {
                tracker.wrote(Key.Space.EVERYTHING, "");
            }
        }
    }

    /** Moves {@code value} from the keys it had to the keys it has now, touching only the difference. */
    private void relink(
            Key.Space space, Map<String, Set<String>> index, Set<String> before, Set<String> after, String value) {
        for (String key : before) {
            if (!after.contains(key)) {
                unlink(space, index, key, value);
            }
        }
        for (String key : after) {
            if (!before.contains(key)) {
                link(space, index, key, value);
            }
        }
    }

    /**
     * Moves a replaced subscription's entries in "subscriptions of an account" to its new
     * administrators. Only the accounts that can differ are looked at: the co-administrator one
     * edit added or removed when the new set was made from the old one so (the co-administrator
     * steps), else those one set has and the other has not (a merge of the two sorted sets), and the
     * few others (owners, account and service administrator). A step that adds one of 200
     * co-administrators so costs one name, not two hash sets of 200 built and compared.
     */
    private void relinkAdmins(Subscription old, Subscription s) {
        List<String> candidates = new ArrayList<>();
        if (old.coAdministrators() != s.coAdministrators()) {
            // One co-administrator added or removed, as each such step does: that one only.
            Optional<String> edited = Names.editBetween(old.coAdministrators(), s.coAdministrators());
            if (edited.isPresent()) {
                candidates.add(edited.get());
            } else {
                symmetricDifference(old.coAdministrators(), s.coAdministrators(), candidates);
            }
        }
        Set<String> oldOthers = others(old);
        Set<String> newOthers = others(s);
        candidates.addAll(oldOthers);
        candidates.addAll(newOthers);
        for (String key : candidates) {
            boolean before = old.coAdministrators().contains(key) || oldOthers.contains(key);
            boolean after = s.coAdministrators().contains(key) || newOthers.contains(key);
            if (before && !after) {
                unlink(Key.Space.SUBSCRIPTIONS_OF_ACCOUNT, subsByAccount, key, s.name());
            } else if (after && !before) {
                link(Key.Space.SUBSCRIPTIONS_OF_ACCOUNT, subsByAccount, key, s.name());
            }
        }
    }

    /** The names in one of two sets in natural order and not in the other. */
    private static void symmetricDifference(SortedSet<String> a, SortedSet<String> b, List<String> out) {
        Iterator<String> i = a.iterator();
        Iterator<String> j = b.iterator();
        String x = i.hasNext() ? i.next() : null;
        String y = j.hasNext() ? j.next() : null;
        while (x != null || y != null) {
            // The two sets share their instances (one is the other edited), so most pairs are one string.
            int order = x == y ? 0 : x == null ? 1 : y == null ? -1 : x.compareTo(y);
            if (order < 0) {
                out.add(x);
                x = i.hasNext() ? i.next() : null;
            } else if (order > 0) {
                out.add(y);
                y = j.hasNext() ? j.next() : null;
            } else {
                x = i.hasNext() ? i.next() : null;
                y = j.hasNext() ? j.next() : null;
            }
        }
    }

    /** A subscription's administrators other than its co-administrators. */
    private static Set<String> others(Subscription s) {
        if (s.owners().isEmpty()
                && s.accountAdministrator().isEmpty()
                && s.serviceAdministrator().isEmpty()) {
            return Set.of();
        }
        Set<String> all = new HashSet<>(s.owners());
        if (s.accountAdministrator().isPresent()) {
            all.add(s.accountAdministrator().get());
        }
        if (s.serviceAdministrator().isPresent()) {
            all.add(s.serviceAdministrator().get());
        }
        return all;
    }

    /** Removes the object of this kind and name, if any; returns it. */
    Optional<WorldObject> remove(ObjectRef ref) {
        switch (ref.kind()) {
            case TENANT -> {
                Tenant t = tenantLookup.remove(ref.name());
                if (t == null) {
                    return Optional.empty();
                }
                tenants.remove(ref.name());
                wrote(Key.Space.TENANT, t.name(), true);
                for (String domain : t.allDomains()) {
                    unlink(Key.Space.DOMAIN_OWNERS, domainOwners, domain, t.name());
                }
                for (String admin : members(t)) {
                    unlink(Key.Space.ADMIN_OF, adminOf, admin, t.name());
                }
                return Optional.of(t);
            }
            case ACCOUNT -> {
                String key = accountKeyByName.remove(ref.name());
                if (key == null) {
                    return Optional.empty();
                }
                Account a = accountLookup.remove(key);
                accounts.remove(key);
                wrote(Key.Space.ACCOUNT, a.key(), true);
                wrote(Key.Space.ACCOUNT_NAME, a.name(), false);
                unlink(Key.Space.ACCOUNTS_ON_DOMAIN, accountsByDomain, a.domain(), a.key());
                return Optional.of(a);
            }
            case SUBSCRIPTION -> {
                Subscription s = subscriptionLookup.remove(ref.name());
                if (s == null) {
                    return Optional.empty();
                }
                subscriptions.remove(ref.name());
                wrote(Key.Space.SUBSCRIPTION, s.name(), true);
                unlink(Key.Space.SUBSCRIPTIONS_OF_TENANT, subsByTenant, s.tenant(), s.name());
                for (String admin : admins(s)) {
                    unlink(Key.Space.SUBSCRIPTIONS_OF_ACCOUNT, subsByAccount, admin, s.name());
                }
                return Optional.of(s);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The accounts a tenant names: its global administrators and, in the entra world, its guests. */
    private static Set<String> members(Tenant t) {
        if (t.guests().isEmpty()) {
            return t.globalAdministrators();
        }
        Set<String> all = new HashSet<>(t.globalAdministrators());
        all.addAll(t.guests());
        return all;
    }

    private static Set<String> admins(Subscription s) {
        Set<String> all = new HashSet<>(s.coAdministrators());
        all.addAll(s.owners());
        s.accountAdministrator().ifPresent(all::add);
        s.serviceAdministrator().ifPresent(all::add);
        return all;
    }

    private void link(Key.Space space, Map<String, Set<String>> index, String key, String value) {
        index.computeIfAbsent(key, k -> new HashSet<>(4)).add(value);
        wrote(space, key, false);
    }

    private void unlink(Key.Space space, Map<String, Set<String>> index, String key, String value) {
        Set<String> values = index.get(key);
        if (values != null) {
            values.remove(value);
            wrote(space, key, false);
            if (values.isEmpty()) {
                index.remove(key);
            }
        }
    }

    @Override
    public Optional<Tenant> tenant(String name) {
        return Optional.ofNullable(tenantLookup.get(name));
    }

    @Override
    public Optional<Account> account(String key) {
        return Optional.ofNullable(accountLookup.get(key));
    }

    @Override
    public Optional<Account> accountNamed(String name) {
        String key = accountKeyByName.get(name);
        return key == null ? Optional.empty() : account(key);
    }

    @Override
    public Optional<Subscription> subscription(String name) {
        return Optional.ofNullable(subscriptionLookup.get(name));
    }

    @Override
    public Optional<WorldObject> get(ObjectRef ref) {
        // Without Optional.map: a bound method reference allocates on every lookup under C1.
        WorldObject found = switch (ref.kind()) {
            case TENANT -> tenantLookup.get(ref.name());
            case ACCOUNT -> accountNamed(ref.name()).orElse(null);
            case SUBSCRIPTION -> subscriptionLookup.get(ref.name());
        };
        return Optional.ofNullable(found);
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
