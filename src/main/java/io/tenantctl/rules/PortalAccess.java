package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * Warning {@code portal-access}: only the service administrator or a co-administrator of an Azure
 * subscription can sign in to the management portal, so a global administrator with neither role
 * cannot manage the directory there.
 */
public final class PortalAccess implements Rule {

    @Override
    public String code() {
        return Codes.PORTAL_ACCESS;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        for (String admin : tenant.globalAdministrators()) {
            if (world.account(admin).isPresent() && !hasPortalRole(world, admin)) {
                out.accept(Violation.warningAt(
                        code(),
                        tenant.ref(),
                        "/spec/globalAdministrators",
                        admin,
                        "global administrator " + world.display(admin) + " of " + tenant.ref() + " is neither service"
                                + " administrator nor co-administrator of an Azure subscription and cannot sign in"
                                + " to the management portal"));
            }
        }
    }

    private static boolean hasPortalRole(WorldView world, String account) {
        for (String name : world.subscriptionsReferencing(account)) {
            Subscription s = world.subscription(name).orElse(null);
            if (s != null && s.isAzure() && s.isAdministeredBy(account)) {
                return true;
            }
        }
        return false;
    }
}
