package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * {@code domain-limit}: a tenant has at most so many custom domains. The limit is the profile's:
 * 900 in the classic world (the rulebook's LIM-04, 2016), 5,000 later. The JSON Schema caps the
 * list at 5,000 only, what no era allows, since the schemas are the same for every profile.
 */
public final class DomainLimit implements Rule {

    private final int max;

    /** @param max the most custom domains one tenant may have */
    public DomainLimit(int max) {
        this.max = max;
    }

    @Override
    public String code() {
        return Codes.DOMAIN_LIMIT;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        if (tenant.domains().size() > max) {
            out.accept(Violation.error(
                    code(),
                    tenant.ref(),
                    "/spec/domains",
                    tenant.ref() + " would have " + tenant.domains().size() + " custom domains; the limit is " + max
                            + " per tenant"));
        }
    }
}
