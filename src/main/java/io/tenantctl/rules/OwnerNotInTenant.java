package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * {@code owner-not-in-tenant} (entra): an owner of a subscription is a user of the tenant it trusts,
 * a member (homed in it) or a guest (inferred from the rulebook's ACC-05 and TRN-03: roles are given to users of
 * the subscription's directory, a guest included).
 */
public final class OwnerNotInTenant implements Rule {

    @Override
    public String code() {
        return Codes.OWNER_NOT_IN_TENANT;
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        Tenant tenant = world.tenant(s.tenant()).orElse(null);
        if (tenant == null) {
            return; // unknown-reference's
        }
        for (String owner : s.owners()) {
            boolean member = world.account(owner)
                    .map(a -> world.isHomedIn(a, tenant.name()))
                    .orElse(true); // an unknown account is unknown-reference's
            if (!member && !tenant.guests().contains(owner)) {
                out.accept(Violation.errorAt(
                        code(),
                        s.ref(),
                        "/spec/owners",
                        owner,
                        world.display(owner) + " is an owner of " + s.ref() + " but neither homed in nor a guest"
                                + " of " + tenant.ref() + "; add it to the guests of " + tenant.ref()));
            }
        }
    }
}
