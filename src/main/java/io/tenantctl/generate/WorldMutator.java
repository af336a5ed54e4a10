package io.tenantctl.generate;

import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Limits;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a second world from a first with a fraction of its objects changed, the kinds of change
 * real pull requests make: display names renamed, global administrators and co-administrators
 * added and removed, Azure subscriptions moved to another tenant, accounts, subscriptions and
 * tenants added and deleted. Every change keeps the world valid and reachable by a plan, so the
 * pair exercises the planner rather than the validator; the profile's {@link Limits} say how far
 * a change may go (how many co-administrators, how many tenants one account administers).
 */
public final class WorldMutator {

    private final Random random;
    private final Limits limits;
    private int serial;
    private World original = World.empty();

    public WorldMutator(long seed, Limits limits) {
        this.random = new Random(seed);
        this.limits = limits;
    }

    /** A changed copy of {@code world}: about {@code fraction} of its objects touched (at least one change). */
    public World mutate(World world, double fraction) {
        original = world;
        MutableWorld w = world.toMutable();
        int changes = Math.max(1, (int) Math.round(world.size() * fraction));
        for (int i = 0, attempts = 0; i < changes && attempts < changes * 20; attempts++) {
            if (change(w)) {
                i++;
            }
        }
        return w.snapshot();
    }

    private boolean change(MutableWorld w) {
        int kind = random.nextInt(100);
        if (kind < 25) {
            return rename(w);
        } else if (kind < 37) {
            return addGlobalAdmin(w);
        } else if (kind < 47) {
            return removeGlobalAdmin(w);
        } else if (kind < 57) {
            return addCoAdmin(w);
        } else if (kind < 65) {
            return removeCoAdmin(w);
        } else if (kind < 72) {
            return transfer(w);
        } else if (kind < 80) {
            return addAccount(w);
        } else if (kind < 86) {
            return deleteAccount(w);
        } else if (kind < 91) {
            return addSubscription(w);
        } else if (kind < 95) {
            return deleteSubscription(w);
        } else if (kind < 98) {
            return addTenant(w);
        }
        return deleteTenant(w);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String fresh(String prefix) {
        return prefix + "-" + (++serial) + "-" + Integer.toString(random.nextInt(1 << 20), 36);
    }

    private boolean rename(MutableWorld w) {
        List<WorldObject> all = w.objects();
        WorldObject o = pick(all);
        String label = "Renamed " + fresh("name");
        switch (o.kind()) {
            case TENANT -> w.put(((Tenant) o).withDescription(o.metadata(), label));
            case ACCOUNT -> w.put(((Account) o).withDescription(o.metadata(), Optional.of(label)));
            case SUBSCRIPTION -> w.put(((Subscription) o).withDescription(o.metadata(), Optional.of(label)));
        }
        return true;
    }

    private List<Account> microsoft(MutableWorld w) {
        return w.accounts().stream().filter(Account::isMicrosoftAccount).toList();
    }

    private List<Account> workOf(MutableWorld w, Tenant t) {
        List<Account> out = new ArrayList<>();
        for (String domain : t.allDomains()) {
            for (String key : w.accountsOnDomain(domain)) {
                w.account(key).filter(Account::isWorkOrSchool).ifPresent(out::add);
            }
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    private boolean addGlobalAdmin(MutableWorld w) {
        Tenant t = pick(new ArrayList<>(w.tenants()));
        List<Account> candidates = new ArrayList<>(workOf(w, t));
        candidates.addAll(microsoft(w).subList(0, Math.min(50, microsoft(w).size())));
        Account a = pick(candidates);
        if (t.globalAdministrators().contains(a.key()) || !mayAdministerOneMore(w, a.key())) {
            return false;
        }
        w.put(t.withGlobalAdministrator(a.key()));
        return true;
    }

    private boolean removeGlobalAdmin(MutableWorld w) {
        Tenant t = pick(new ArrayList<>(w.tenants()));
        if (t.globalAdministrators().size() < 2) {
            return false;
        }
        List<String> admins = new ArrayList<>(t.globalAdministrators());
        String gone = pick(admins);
        Tenant after = t.withoutGlobalAdministrator(gone);
        // A subscription moved into this tenant relies on this administrator to move it, and one
        // created here on its account administrator being an administrator; keep those.
        for (String name : w.subscriptionsTrusting(t.name())) {
            Subscription s = w.subscription(name).orElseThrow();
            if (s.serviceAdministrator().map(gone::equals).orElse(false)
                    || s.accountAdministrator().map(gone::equals).orElse(false)) {
                return false;
            }
        }
        w.put(after);
        return true;
    }

    private List<Subscription> azure(MutableWorld w) {
        return w.subscriptions().stream().filter(Subscription::isAzure).toList();
    }

    private boolean addCoAdmin(MutableWorld w) {
        List<Subscription> subs = azure(w);
        if (subs.isEmpty()) {
            return false;
        }
        Subscription s = pick(subs);
        Tenant t = w.tenant(s.tenant()).orElseThrow();
        List<Account> candidates = new ArrayList<>(workOf(w, t));
        candidates.add(pick(microsoft(w)));
        Account a = pick(candidates);
        if (s.coAdministrators().contains(a.key())
                || s.serviceAdministrator().orElse("").equals(a.key())
                || s.coAdministrators().size() >= limits.coAdministratorsPerSubscription()) {
            return false;
        }
        w.put(s.withCoAdministrator(a.key()));
        return true;
    }

    private boolean removeCoAdmin(MutableWorld w) {
        List<Subscription> subs =
                azure(w).stream().filter(s -> !s.coAdministrators().isEmpty()).toList();
        if (subs.isEmpty()) {
            return false;
        }
        Subscription s = pick(subs);
        w.put(s.withoutCoAdministrator(pick(new ArrayList<>(s.coAdministrators()))));
        return true;
    }

    /**
     * Moves an Azure subscription to another tenant. As in the seed, the service administrator
     * doing it is a Microsoft account that is a global administrator of the target, and the
     * work or school co-administrators stay behind.
     */
    private boolean transfer(MutableWorld w) {
        List<Subscription> subs = azure(w);
        if (subs.isEmpty() || w.tenants().size() < 2) {
            return false;
        }
        Subscription s = pick(subs);
        Tenant target = pick(new ArrayList<>(w.tenants()));
        // Only what exists can move: a new subscription is created where its account
        // administrator may create it, which the target may not be.
        if (target.name().equals(s.tenant()) || original.subscription(s.name()).isEmpty()) {
            return false;
        }
        String sa = s.serviceAdministrator()
                .filter(k -> w.account(k).map(Account::isMicrosoftAccount).orElse(false))
                .orElse(pick(microsoft(w)).key());
        if (!target.globalAdministrators().contains(sa) && !mayAdministerOneMore(w, sa)) {
            return false;
        }
        TreeSet<String> co = new TreeSet<>();
        for (String c : s.coAdministrators()) {
            if (w.account(c).map(Account::isMicrosoftAccount).orElse(false) && !c.equals(sa)) {
                co.add(c);
            }
        }
        w.put(target.withGlobalAdministrator(sa));
        w.put(s.withTenant(target.name()).withServiceAdministrator(sa).withCoAdministrators(co));
        return true;
    }

    private boolean mayAdministerOneMore(MutableWorld w, String account) {
        return w.tenantsAdministeredBy(account).size() < limits.directoriesPerAccount();
    }

    private boolean addAccount(MutableWorld w) {
        if (random.nextBoolean()) {
            String name = fresh("ms");
            w.put(new Account(
                    Metadata.named(name),
                    AccountType.MICROSOFT_ACCOUNT,
                    name + "@outlook.com",
                    Optional.of("New person")));
        } else {
            Tenant t = pick(new ArrayList<>(w.tenants()));
            String name = fresh(t.name() + "-new");
            w.put(new Account(
                    Metadata.named(name),
                    AccountType.WORK_OR_SCHOOL,
                    name + "@" + t.initialDomain(),
                    Optional.of("New user")));
        }
        return true;
    }

    private boolean deleteAccount(MutableWorld w) {
        Account a = pick(new ArrayList<>(w.accounts()));
        if (!w.tenantsAdministeredBy(a.key()).isEmpty()
                || !w.subscriptionsReferencing(a.key()).isEmpty()) {
            return false;
        }
        w.remove(a.ref());
        return true;
    }

    private boolean addSubscription(MutableWorld w) {
        Tenant t = pick(new ArrayList<>(w.tenants()));
        String name = fresh(t.name() + "-sub");
        if (random.nextInt(3) == 0) {
            w.put(new Subscription(
                    Metadata.named(name),
                    Offer.OFFICE365,
                    t.name(),
                    Optional.of("Office 365"),
                    Optional.empty(),
                    Optional.empty(),
                    new TreeSet<>()));
            return true;
        }
        String aa = pick(new ArrayList<>(t.globalAdministrators()));
        boolean microsoftAa = w.account(aa).map(Account::isMicrosoftAccount).orElse(false);
        String sa = microsoftAa ? aa : pick(workOf(w, t)).key();
        w.put(new Subscription(
                Metadata.named(name),
                Offer.AZURE,
                t.name(),
                Optional.of("New Azure"),
                Optional.of(aa),
                Optional.of(sa),
                new TreeSet<>()));
        return true;
    }

    private boolean deleteSubscription(MutableWorld w) {
        List<Subscription> subs = new ArrayList<>(w.subscriptions());
        if (subs.isEmpty()) {
            return false;
        }
        w.remove(pick(subs).ref());
        return true;
    }

    private boolean addTenant(MutableWorld w) {
        String name = fresh("new-tenant");
        String initial = name + ".onmicrosoft.com";
        Account founder = new Account(
                Metadata.named(name + "-admin"),
                AccountType.WORK_OR_SCHOOL,
                "admin@" + initial,
                Optional.of("Admin of " + name));
        Account ms = pick(microsoft(w));
        if (!mayAdministerOneMore(w, ms.key())) {
            return false;
        }
        w.put(founder);
        w.put(new Tenant(
                Metadata.named(name),
                "New tenant " + name,
                initial,
                new TreeSet<>(),
                new TreeSet<>(List.of(founder.key(), ms.key()))));
        return true;
    }

    /**
     * Deletes a tenant with everything in it. Only tenants a Microsoft account administers can be
     * deleted (the one who deletes it must not be homed in it), and only when none of its accounts
     * is the account administrator of a subscription elsewhere (that role never changes).
     */
    private boolean deleteTenant(MutableWorld w) {
        if (w.tenants().size() < 2) {
            return false;
        }
        Tenant t = pick(new ArrayList<>(w.tenants()));
        // The administrator who deletes it must already be one: a plan adds no role to a tenant it deletes.
        Set<String> before =
                original.tenant(t.name()).map(Tenant::globalAdministrators).orElse(new TreeSet<>());
        boolean microsoftAdmin = t.globalAdministrators().stream()
                .filter(before::contains)
                .anyMatch(a -> w.account(a).map(Account::isMicrosoftAccount).orElse(false));
        if (!microsoftAdmin) {
            return false;
        }
        List<Account> work = workOf(w, t);
        Set<String> subs = new TreeSet<>(w.subscriptionsTrusting(t.name()));
        for (Account a : work) {
            for (String s : w.subscriptionsReferencing(a.key())) {
                Subscription sub = w.subscription(s).orElseThrow();
                if (!subs.contains(s)
                        && sub.accountAdministrator().map(a.key()::equals).orElse(false)) {
                    return false;
                }
            }
        }
        for (String s : subs) {
            w.remove(ObjectRef.subscription(s));
        }
        for (Account a : work) {
            for (String s : new ArrayList<>(w.subscriptionsReferencing(a.key()))) {
                w.subscription(s).ifPresent(sub -> w.put(sub.withoutCoAdministrator(a.key())));
            }
            for (String other : new ArrayList<>(w.tenantsAdministeredBy(a.key()))) {
                w.tenant(other).ifPresent(o -> w.put(o.withoutGlobalAdministrator(a.key())));
            }
            w.remove(a.ref());
        }
        w.remove(t.ref());
        return true;
    }
}
