package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * {@code guest-required} (entra): a global administrator not homed in the tenant has a user object
 * in it, so the tenant lists it among its guests (the rulebook's DIR-06 and GA-08: a user has one home and is a guest elsewhere, and a guest can hold GA; an external user is
 * invited, or is the tenant's creator). Owners of subscriptions are {@link OwnerNotInTenant}'s.
 */
public final class GuestRequired implements Rule {

    @Override
    public String code() {
        return Codes.GUEST_REQUIRED;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        for (String admin : tenant.globalAdministrators()) {
            if (tenant.guests().contains(admin)) {
                continue;
            }
            boolean homed = world.account(admin)
                    .map(a -> world.isHomedIn(a, tenant.name()))
                    .orElse(true); // an unknown account is unknown-reference's
            if (!homed) {
                out.accept(Violation.errorAt(
                        code(),
                        tenant.ref(),
                        "/spec/globalAdministrators",
                        admin,
                        world.display(admin) + " is a global administrator of " + tenant.ref()
                                + " but not homed in it, so it must be one of its guests: add it to"
                                + " spec.guests (it is invited, and holds the role once it has redeemed)"));
            }
        }
    }
}
