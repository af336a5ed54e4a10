package io.tenantctl.rules;

import io.tenantctl.world.WorldView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The objects a check looks at after a step.
 *
 * <p>A step says which objects it changed and how. A role change ({@code AddCoAdmin}) only needs
 * its own object checked. A changed identity (an account created or deleted) can break every
 * object that names it; a changed domain can change the home of every account on it; a tenant
 * created or deleted can break the subscriptions that trust it. {@link #expand} follows exactly
 * those references through the world's indexes, so the cost of a check is the step's
 * neighbourhood, never the world, and checking after every step keeps planning linear.
 */
public final class Scope {

    // Sets are made on first use: most steps touch one object, and a plan has hundreds of
    // thousands of steps.
    private Set<String> tenants = Set.of();
    private Set<String> accounts = Set.of();
    private Set<String> subscriptions = Set.of();
    private Set<String> changedAccounts = Set.of();
    private Set<String> changedDomains = Set.of();
    private Set<String> changedTenants = Set.of();
    // Subscriptions in which only one account's role changed: name to that account's key.
    private Map<String, String> members = Map.of();

    private static Set<String> grow(Set<String> set) {
        return set.isEmpty() && !(set instanceof HashSet) ? new HashSet<>(4) : set;
    }

    private Scope() {}

    public static Scope of() {
        return new Scope();
    }

    /** Check this tenant. */
    public Scope tenant(String name) {
        tenants = grow(tenants);
        tenants.add(name);
        return this;
    }

    /** Check this account (by normalised sign-in name). */
    public Scope account(String key) {
        accounts = grow(accounts);
        accounts.add(key);
        return this;
    }

    /** Check this subscription. */
    public Scope subscription(String name) {
        subscriptions = grow(subscriptions);
        subscriptions.add(name);
        whole(name);
        return this;
    }

    /**
     * Check this subscription, in which only the role of this account changed (a co-administrator
     * added or removed): a rule that judges each member on its own need judge only this one, since
     * what it says of the others is the same before and after the step. A subscription of 200
     * co-administrators is then checked in constant time per step, not 200 times over.
     */
    public Scope subscriptionMember(String name, String accountKey) {
        boolean first = !subscriptions.contains(name);
        subscriptions = grow(subscriptions);
        subscriptions.add(name);
        if (first) {
            if (members.isEmpty()) {
                members = new HashMap<>(2);
            }
            members.put(name, accountKey);
        } else if (!accountKey.equals(memberOnly(name))) {
            whole(name); // a second member, or already whole: check it whole
        }
        return this;
    }

    /** This account appeared or disappeared: check it and everything that names it. */
    public Scope accountChanged(String key) {
        changedAccounts = grow(changedAccounts);
        changedAccounts.add(key);
        return this;
    }

    /** This domain changed tenant: check who claims it and every account on it, as changed. */
    public Scope domainChanged(String domain) {
        changedDomains = grow(changedDomains);
        changedDomains.add(domain);
        return this;
    }

    /** This tenant appeared or disappeared: check it and the subscriptions that trust it. */
    public Scope tenantChanged(String name) {
        changedTenants = grow(changedTenants);
        changedTenants.add(name);
        return this;
    }

    /** Resolves the changes into objects to check. Call before the step runs, and once. */
    public Scope expand(WorldView world) {
        for (String domain : changedDomains) {
            changedAccounts = grow(changedAccounts);
            changedAccounts.addAll(world.accountsOnDomain(domain));
            tenants = grow(tenants);
            tenants.addAll(world.domainOwners(domain));
        }
        for (String account : changedAccounts) {
            accounts = grow(accounts);
            accounts.add(account);
            tenants = grow(tenants);
            tenants.addAll(world.tenantsAdministeredBy(account));
            subscriptions = grow(subscriptions);
            subscriptions.addAll(world.subscriptionsReferencing(account));
            wholly(world.subscriptionsReferencing(account));
        }
        for (String tenant : changedTenants) {
            tenants = grow(tenants);
            tenants.add(tenant);
            subscriptions = grow(subscriptions);
            subscriptions.addAll(world.subscriptionsTrusting(tenant));
            wholly(world.subscriptionsTrusting(tenant));
        }
        return this;
    }

    private void whole(String name) {
        if (!members.isEmpty()) {
            members.remove(name);
        }
    }

    private void wholly(Set<String> names) {
        if (!members.isEmpty()) {
            members.keySet().removeAll(names);
        }
    }

    public Set<String> tenants() {
        return tenants;
    }

    public Set<String> accounts() {
        return accounts;
    }

    public Set<String> subscriptions() {
        return subscriptions;
    }

    /**
     * The one account whose role is all that changed in this subscription ({@link
     * #subscriptionMember}), or null when the subscription is to be checked whole.
     */
    public String memberOnly(String subscription) {
        return members.isEmpty() ? null : members.get(subscription);
    }
}
