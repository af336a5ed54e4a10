package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code domain-conflict}: a domain, initial or custom, belongs to one tenant only.
 *
 * <p>One conflict is one violation, the same whichever claimant's check finds it, so that it is
 * reported once: at the claim of the first tenant by name, with the other claims as its
 * {@link Violation#instead}, for when the manifests do not declare that tenant.
 * Two tenants with one initial domain are one directory declared twice, usually a tenant renamed:
 * that conflict says so, and the conflicts of their custom domains, which follow from it, are not
 * reported again.
 */
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
                List<Tenant> claimants = owners.stream()
                        .map(world::tenant)
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparing(Tenant::name))
                        .toList();
                if (claimants.size() > 1 && !followsFromOneInitialDomain(claimants, domain)) {
                    out.accept(conflict(claimants, domain));
                }
            }
        }
    }

    private static Violation conflict(List<Tenant> claimants, String domain) {
        List<String> names =
                claimants.stream().map(t -> t.ref().toString()).sorted().toList();
        String all = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        boolean initial = claimants.stream().allMatch(t -> t.initialDomain().equals(domain));
        String message = initial
                ? "domain " + domain + " is the initial domain of " + all + ", so they are one directory declared"
                        + " twice; a tenant's metadata.name never changes: if one is the other renamed, keep the"
                        + " old name (change displayName instead)"
                : "domain " + domain + " is claimed by " + all + "; a domain belongs to one tenant only";
        List<Violation> claims = claimants.stream()
                .map(t -> t.initialDomain().equals(domain)
                        ? Violation.error(Codes.DOMAIN_CONFLICT, t.ref(), "/spec/initialDomain", message)
                        : Violation.errorAt(Codes.DOMAIN_CONFLICT, t.ref(), "/spec/domains", domain, message))
                .toList();
        return claims.get(0).orElse(claims.subList(1, claims.size()));
    }

    /** A custom domain of tenants that all share one initial domain: their conflict on that says it all. */
    private static boolean followsFromOneInitialDomain(List<Tenant> claimants, String domain) {
        String initial = claimants.get(0).initialDomain();
        return !initial.equals(domain)
                && claimants.stream().allMatch(t -> t.initialDomain().equals(initial));
    }
}
