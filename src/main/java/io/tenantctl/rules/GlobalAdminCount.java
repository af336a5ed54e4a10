package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * Warning {@code global-admin-count}: best practice is two to four global administrators, so that
 * losing one sign-in never locks the tenant and few people hold the keys.
 */
public final class GlobalAdminCount implements Rule {

    @Override
    public String code() {
        return Codes.GLOBAL_ADMIN_COUNT;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        int count = tenant.globalAdministrators().size();
        if (count == 1) {
            out.accept(
                    Violation.warning(
                            code(),
                            tenant.ref(),
                            "/spec/globalAdministrators",
                            tenant.ref()
                                    + " has 1 global administrator; keep at least 2 so that one lost sign-in does not lock it"));
        } else if (count > 4) {
            out.accept(Violation.warning(
                    code(),
                    tenant.ref(),
                    "/spec/globalAdministrators",
                    tenant.ref() + " has " + count + " global administrators; keep no more than 4"));
        }
    }
}
