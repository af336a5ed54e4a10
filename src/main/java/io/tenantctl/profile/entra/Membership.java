package io.tenantctl.profile.entra;

import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;

/** Whether an account is a user of a tenant in the entra world: homed in it, or a guest of it. */
final class Membership {

    private Membership() {}

    /** Homed in the tenant, or a guest that has redeemed (or never had to). */
    static boolean isUser(WorldView world, String account, Tenant tenant) {
        return tenant.hasAcceptedGuest(account)
                || world.account(account)
                        .map(a -> world.isHomedIn(a, tenant.name()))
                        .orElse(false);
    }

    static boolean isUser(WorldView world, String account, String tenant) {
        return world.tenant(tenant).map(t -> isUser(world, account, t)).orElse(false);
    }
}
