package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.world.WorldView;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code subscription-admin-not-in-tenant}: the service administrator and co-administrators of an
 * Azure subscription are Microsoft accounts or work or school accounts homed in the tenant it trusts.
 */
public final class SubscriptionAdminNotInTenant implements Rule {

    @Override
    public String code() {
        return Codes.SUBSCRIPTION_ADMIN_NOT_IN_TENANT;
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        if (serviceAdministrator(world, s, out)) {
            for (String co : s.coAdministrators()) {
                coAdministrator(world, s, co, out);
            }
        }
    }

    /** Each co-administrator is judged on its own: only the one whose role changed. */
    @Override
    public void checkSubscriptionMember(WorldView world, Subscription s, String account, Consumer<Violation> out) {
        if (serviceAdministrator(world, s, out) && s.coAdministrators().contains(account)) {
            coAdministrator(world, s, account, out);
        }
    }

    /** Checks the service administrator; false when the rule does not apply to the subscription. */
    private boolean serviceAdministrator(WorldView world, Subscription s, Consumer<Violation> out) {
        if (!s.isAzure() || world.tenant(s.tenant()).isEmpty()) {
            return false; // a missing tenant is unknown-reference's to report
        }
        s.serviceAdministrator().ifPresent(sa -> {
            if (foreign(world, sa, s)) {
                out.accept(Violation.error(
                        code(), s.ref(), "/spec/serviceAdministrator", message(world, sa, "service administrator", s)));
            }
        });
        return true;
    }

    private void coAdministrator(WorldView world, Subscription s, String co, Consumer<Violation> out) {
        if (foreign(world, co, s)) {
            out.accept(Violation.errorAt(
                    code(), s.ref(), "/spec/coAdministrators", co, message(world, co, "co-administrator", s)));
        }
    }

    private static boolean foreign(WorldView world, String key, Subscription s) {
        Optional<Account> account = world.account(key);
        return account.isPresent() && account.get().isWorkOrSchool() && !world.isHomedIn(account.get(), s.tenant());
    }

    private static String message(WorldView world, String key, String role, Subscription s) {
        String home = world.account(key)
                .flatMap(world::homeTenant)
                .map(t -> "homed in " + t.ref())
                .orElse("without a home tenant");
        return role + " " + world.display(key) + " is a work or school account " + home + ", but " + s.ref()
                + " trusts Tenant/" + s.tenant() + "; use a Microsoft account or an account of Tenant/" + s.tenant();
    }
}
