package io.tenantctl.profile.entra;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Tenant;
import io.tenantctl.step.Refusal;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code tenant-not-empty} in the entra world: a tenant is deleted only when no subscription trusts
 * it and no user but the deleting global administrator remains, guests included (DESIGN.md 8). As
 * the precondition of {@code DeleteTenant}; on the desired world, classic's {@code
 * TenantNotEmpty.ofChanges} says what the manifests keep in it.
 */
final class EntraTenantNotEmpty {

    private EntraTenantNotEmpty() {}

    private record Remains(SortedSet<String> subscriptions, TreeMap<String, Account> members) {

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

    static Optional<Refusal> refusal(Tenant tenant, WorldView world) {
        Remains remains = Remains.in(tenant, world);
        if (!remains.subscriptions().isEmpty()) {
            return refuse(tenant.ref() + " is still trusted by Subscription/"
                    + String.join(", Subscription/", remains.subscriptions()) + "; delete or move them first");
        }
        if (!remains.members().isEmpty()) {
            return refuse(tenant.ref() + " still holds work or school accounts "
                    + String.join(", ", remains.members().keySet()) + "; delete them first");
        }
        TreeSet<String> users = new TreeSet<>(tenant.globalAdministrators());
        users.addAll(tenant.guests());
        if (users.size() > 1) {
            List<String> names = new ArrayList<>();
            users.forEach(a -> names.add(world.display(a)));
            return refuse(tenant.ref() + " still has users " + String.join(", ", names)
                    + "; the global administrator who deletes it must be the only user left, so remove the"
                    + " others (guests included) first");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String message) {
        return Optional.of(new Refusal(Codes.TENANT_NOT_EMPTY, message));
    }
}
