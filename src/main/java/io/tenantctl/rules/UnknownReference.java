package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * {@code unknown-reference}: every tenant and account an object names exists. Each violation
 * carries the missing name as its element, so that a reference to a manifest that failed its
 * schema can be told apart from a reference to nothing.
 */
public final class UnknownReference implements Rule {

    @Override
    public String code() {
        return Codes.UNKNOWN_REFERENCE;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        for (String admin : tenant.globalAdministrators()) {
            if (world.account(admin).isEmpty()) {
                out.accept(Violation.errorAt(
                        code(),
                        tenant.ref(),
                        "/spec/globalAdministrators",
                        admin,
                        tenant.ref() + " names global administrator " + admin
                                + ", but no Account has that sign-in name"));
            }
        }
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        roles(world, s, out);
        for (String co : s.coAdministrators()) {
            coAdministrator(world, s, co, out);
        }
    }

    /** The subscription's tenant, account administrator and service administrator. */
    private void roles(WorldView world, Subscription s, Consumer<Violation> out) {
        if (world.tenant(s.tenant()).isEmpty()) {
            out.accept(Violation.errorAt(
                    code(),
                    s.ref(),
                    "/spec/tenant",
                    s.tenant(),
                    s.ref() + " trusts Tenant/" + s.tenant() + ", which does not exist"));
        }
        // isPresent rather than filter and ifPresent: this runs around every subscription step,
        // and under the launcher's C1 compiler each capturing lambda is an allocation.
        if (s.accountAdministrator().isPresent()) {
            named(
                    world,
                    s,
                    "accountAdministrator",
                    "account administrator",
                    s.accountAdministrator().get(),
                    out);
        }
        if (s.serviceAdministrator().isPresent()) {
            named(
                    world,
                    s,
                    "serviceAdministrator",
                    "service administrator",
                    s.serviceAdministrator().get(),
                    out);
        }
    }

    /** Each co-administrator is judged on its own: only the one whose role changed. */
    @Override
    public void checkSubscriptionMember(WorldView world, Subscription s, String account, Consumer<Violation> out) {
        roles(world, s, out);
        if (s.coAdministrators().contains(account)) {
            coAdministrator(world, s, account, out);
        }
    }

    private void coAdministrator(WorldView world, Subscription s, String co, Consumer<Violation> out) {
        named(world, s, "coAdministrators", "co-administrator", co, out);
    }

    /** An account the subscription names in {@code field} as its {@code role}, which must exist. */
    private void named(
            WorldView world, Subscription s, String field, String role, String account, Consumer<Violation> out) {
        if (world.account(account).isEmpty()) {
            out.accept(Violation.errorAt(
                    code(),
                    s.ref(),
                    "/spec/" + field,
                    account,
                    s.ref() + " names " + role + " " + account + ", but no Account has that sign-in name"));
        }
    }
}
