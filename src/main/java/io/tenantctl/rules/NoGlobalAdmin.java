package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/** {@code no-global-admin}: every tenant keeps at least one global administrator. */
public final class NoGlobalAdmin implements Rule {

    @Override
    public String code() {
        return Codes.NO_GLOBAL_ADMIN;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        if (tenant.globalAdministrators().isEmpty()) {
            out.accept(Violation.error(
                    code(),
                    tenant.ref(),
                    "/spec/globalAdministrators",
                    tenant.ref() + " would have no global administrator; every tenant needs at least one"));
        }
    }
}
