package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * {@code guest-pending} (entra; tenantctl's policy, stricter than Entra ID, which allows it): an
 * invited guest that has not redeemed its invitation holds no role, neither global administrator of
 * the tenant nor owner of a subscription that trusts it. Checked after every step, so a role
 * assignment waits for the redemption.
 */
public final class GuestPending implements Rule {

    @Override
    public String code() {
        return Codes.GUEST_PENDING;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        for (String admin : tenant.globalAdministrators()) {
            if (tenant.status().pendingGuests().contains(admin)) {
                out.accept(Violation.errorAt(
                        code(),
                        tenant.ref(),
                        "/spec/globalAdministrators",
                        admin,
                        world.display(admin) + " has not redeemed its invitation to " + tenant.ref()
                                + ", so it cannot be a global administrator yet"));
            }
        }
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        Tenant tenant = world.tenant(s.tenant()).orElse(null);
        if (tenant == null) {
            return;
        }
        for (String owner : s.owners()) {
            if (tenant.status().pendingGuests().contains(owner)) {
                out.accept(Violation.errorAt(
                        code(),
                        s.ref(),
                        "/spec/owners",
                        owner,
                        world.display(owner) + " has not redeemed its invitation to " + tenant.ref()
                                + ", so it cannot be an owner of " + s.ref() + " yet"));
            }
        }
    }
}
