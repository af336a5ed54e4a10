package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@code domain-conflict}: a domain, initial or custom, belongs to one tenant only. */
public final class DomainConflict implements Rule {

    @Override
    public String code() {
        return Codes.DOMAIN_CONFLICT;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        for (String domain : tenant.allDomains()) {
            Set<String> owners = world.domainOwners(domain);
            if (owners.size() > 1) {
                String all =
                        new TreeSet<>(owners).stream().map(n -> "Tenant/" + n).collect(Collectors.joining(" and "));
                String message = "domain " + domain + " is claimed by " + all + "; a domain belongs to one tenant only";
                if (domain.equals(tenant.initialDomain())) {
                    out.accept(Violation.error(code(), tenant.ref(), "/spec/initialDomain", message));
                } else {
                    out.accept(Violation.errorAt(code(), tenant.ref(), "/spec/domains", domain, message));
                }
            }
        }
    }
}
