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
        if (world.tenant(s.tenant()).isEmpty()) {
            out.accept(Violation.errorAt(
                    code(),
                    s.ref(),
                    "/spec/tenant",
                    s.tenant(),
                    s.ref() + " trusts Tenant/" + s.tenant() + ", which does not exist"));
        }
        s.accountAdministrator()
                .filter(a -> world.account(a).isEmpty())
                .ifPresent(a -> out.accept(Violation.errorAt(
                        code(),
                        s.ref(),
                        "/spec/accountAdministrator",
                        a,
                        s.ref() + " names account administrator " + a + ", but no Account has that sign-in name")));
        s.serviceAdministrator()
                .filter(a -> world.account(a).isEmpty())
                .ifPresent(a -> out.accept(Violation.errorAt(
                        code(),
                        s.ref(),
                        "/spec/serviceAdministrator",
                        a,
                        s.ref() + " names service administrator " + a + ", but no Account has that sign-in name")));
        for (String co : s.coAdministrators()) {
            if (world.account(co).isEmpty()) {
                out.accept(Violation.errorAt(
                        code(),
                        s.ref(),
                        "/spec/coAdministrators",
                        co,
                        s.ref() + " names co-administrator " + co + ", but no Account has that sign-in name"));
            }
        }
    }
}
