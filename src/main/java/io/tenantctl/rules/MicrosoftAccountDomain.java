package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code microsoft-account-domain}: a Microsoft account's domain is no tenant's domain, because the
 * same sign-in name would then mean two identities; and never a {@code *.onmicrosoft.com} domain,
 * which only tenants have (each tenant's initial domain), whether or not a tenant declares it.
 *
 * <p>The problem is reported at the account; when only the state holds the account, at the
 * tenant's domain that makes it a problem (the line just added).
 */
public final class MicrosoftAccountDomain implements Rule {

    private static final String ONMICROSOFT = ".onmicrosoft.com";

    @Override
    public String code() {
        return Codes.MICROSOFT_ACCOUNT_DOMAIN;
    }

    @Override
    public void checkAccount(WorldView world, Account account, Consumer<Violation> out) {
        if (!account.isMicrosoftAccount()) {
            return;
        }
        String domain = account.domain();
        Set<String> owners = world.domainOwners(domain);
        boolean onmicrosoft = domain.endsWith(ONMICROSOFT);
        if (owners.isEmpty() && !onmicrosoft) {
            return; // the usual case, decided without a copy: checked after every step of a plan
        }
        Optional<Tenant> owner = new TreeSet<>(owners).stream().findFirst().flatMap(world::tenant);
        String name = account.signInName();
        String why = "the same name would be both a Microsoft account and a work or school account";
        if (onmicrosoft) {
            out.accept(Violation.error(
                            code(),
                            account.ref(),
                            "/spec/signInName",
                            "Microsoft account " + name + " is on " + domain + ", a tenant's initial domain"
                                    + owner.map(t -> " (of " + t.ref() + ")").orElse("")
                                    + "; onmicrosoft.com names only work or school accounts of tenants, and a"
                                    + " Microsoft account is a personal address such as name@outlook.com")
                    .orElse(owner.map(t -> List.of(atDomain(t, domain, name, why)))
                            .orElse(List.of())));
        } else if (owner.isPresent()) {
            out.accept(Violation.error(
                            code(),
                            account.ref(),
                            "/spec/signInName",
                            "Microsoft account " + name + " is on domain " + domain + ", which belongs to "
                                    + owner.get().ref() + "; " + why)
                    .orElse(List.of(atDomain(owner.get(), domain, name, why))));
        }
    }

    /** The same problem at the tenant's domain, for when the manifests do not declare the account. */
    private Violation atDomain(Tenant tenant, String domain, String account, String why) {
        String message = "domain " + domain + " of " + tenant.ref() + " is the domain of Microsoft account " + account
                + "; " + why;
        return tenant.initialDomain().equals(domain)
                ? Violation.error(code(), tenant.ref(), "/spec/initialDomain", message)
                : Violation.errorAt(code(), tenant.ref(), "/spec/domains", domain, message);
    }
}
