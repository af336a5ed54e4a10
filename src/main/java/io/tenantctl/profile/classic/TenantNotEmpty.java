package io.tenantctl.profile.classic;

import io.tenantctl.diag.Codes;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.model.Account;
import io.tenantctl.model.Kind;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Tenant;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Refusal;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code tenant-not-empty}: a tenant is deleted only when no subscription trusts it, none of its
 * work or school accounts remain, and the global administrator who deletes it is the only account
 * left in it. One condition, asked in two places: on the desired world before
 * any step is planned, so that the user reads why the deletion cannot happen at the manifest line
 * that keeps the tenant busy (rather than the dangling references it would leave); and as the
 * precondition of {@code DeleteTenant} while planning and at apply.
 */
public final class TenantNotEmpty {

    private TenantNotEmpty() {}

    /** What a tenant still holds: the subscriptions that trust it and its work or school accounts by sign-in name. */
    private record Remains(SortedSet<String> subscriptions, TreeMap<String, Account> workAccounts) {

        static Remains in(Tenant tenant, WorldView world) {
            TreeMap<String, Account> accounts = new TreeMap<>();
            for (String domain : tenant.allDomains()) {
                for (String key : world.accountsOnDomain(domain)) {
                    world.account(key).filter(Account::isWorkOrSchool).ifPresent(a -> accounts.put(a.signInName(), a));
                }
            }
            return new Remains(new TreeSet<>(world.subscriptionsTrusting(tenant.name())), accounts);
        }
    }

    /** Why {@code DeleteTenant} cannot run now, if it cannot: in the classic world its users are its global administrators. */
    static Optional<Refusal> refusal(Tenant tenant, WorldView world) {
        return refusal(
                tenant,
                world,
                tenant.globalAdministrators(),
                "global administrators",
                "the one who deletes it must be the only account left, so remove the others first");
    }

    /**
     * Why {@code DeleteTenant} cannot run now, if it cannot, in any profile: subscriptions that
     * still trust the tenant, its work or school accounts, then {@code users} (the accounts in it as
     * the profile counts them, in the order given; called {@code noun}) besides the one who deletes
     * it, with {@code advice} on what to remove.
     */
    public static Optional<Refusal> refusal(
            Tenant tenant, WorldView world, Collection<String> users, String noun, String advice) {
        Remains remains = Remains.in(tenant, world);
        if (!remains.subscriptions().isEmpty()) {
            return refuse(tenant.ref() + " is still trusted by Subscription/"
                    + String.join(", Subscription/", remains.subscriptions()) + "; delete or move them first");
        }
        if (!remains.workAccounts().isEmpty()) {
            return refuse(tenant.ref() + " still holds work or school accounts "
                    + String.join(", ", remains.workAccounts().keySet()) + "; delete them first");
        }
        if (users.size() > 1) {
            List<String> names = new ArrayList<>();
            users.forEach(a -> names.add(world.display(a)));
            return refuse(tenant.ref() + " still has " + noun + " " + String.join(", ", names) + "; " + advice);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String message) {
        return Optional.of(new Refusal(Codes.TENANT_NOT_EMPTY, message));
    }

    /**
     * What the desired world still holds in each tenant the changes delete, located at what holds it
     * (the same in every profile: the users a tenant holds besides are only known to its steps).
     */
    public static List<Violation> ofChanges(ChangeSet changes) {
        WorldView desired = changes.desired();
        List<Violation> out = new ArrayList<>();
        for (Change change : changes.changes()) {
            if (change.action() != ChangeAction.DELETE || change.ref().kind() != Kind.TENANT) {
                continue;
            }
            Tenant tenant = (Tenant) change.before().orElseThrow();
            Remains remains = Remains.in(tenant, desired);
            for (String s : remains.subscriptions()) {
                out.add(Violation.errorAt(
                        Codes.TENANT_NOT_EMPTY,
                        ObjectRef.subscription(s),
                        "/spec/tenant",
                        tenant.name(),
                        tenant.ref() + " cannot be deleted while Subscription/" + s + " trusts it; delete or move the"
                                + " subscription too"));
            }
            for (Account a : remains.workAccounts().values()) {
                out.add(Violation.error(
                        Codes.TENANT_NOT_EMPTY,
                        a.ref(),
                        "/spec/signInName",
                        tenant.ref() + " cannot be deleted while its work or school account " + a.signInName()
                                + " remains; delete the account too"));
            }
        }
        return out;
    }
}
