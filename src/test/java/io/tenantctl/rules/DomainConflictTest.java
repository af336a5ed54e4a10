package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code domain-conflict}: a domain, initial or custom, belongs to one tenant only, compared
 * case-insensitively. One conflict is reported once, naming every tenant that claims the domain,
 * at the claim of the first of them by name. Two tenants with one initial domain are told they are one directory declared
 * twice, and their shared custom domains are not reported again. Conflicts with a tenant that
 * only the state holds are in {@link StateOnlyObjectsTest}.
 */
class DomainConflictTest extends RuleTest {

    DomainConflictTest() {
        super("domain-conflict");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("a custom domain claimed by two tenants", w -> {
                            w.tenant("contoso").domains("contoso.com", "contoso.net");
                            w.tenant("fabrikam").domains("fabrikam.com", "contoso.net");
                        })
                        .at(
                                "tenant-contoso.yaml:10:5",
                                "domain contoso.net is claimed by Tenant/contoso and Tenant/fabrikam; a domain "
                                        + "belongs"
                                        + " to one tenant only"),
                RuleCase.of("custom domains differing only in case, spelled as written where reported", w -> {
                            w.tenant("contoso").domains("contoso.com", "Contoso.NET");
                            w.tenant("fabrikam").domains("fabrikam.com", "contoso.net");
                        })
                        .at(
                                "tenant-contoso.yaml:10:5",
                                "domain Contoso.NET is claimed by Tenant/contoso and Tenant/fabrikam; a domain "
                                        + "belongs"
                                        + " to one tenant only"),
                RuleCase.of(
                                "a custom domain of one tenant added to another",
                                w -> w.tenant("fabrikam").domains("fabrikam.com", "contoso.com"))
                        .at(
                                "tenant-contoso.yaml:9:5",
                                "domain contoso.com is claimed by Tenant/contoso and Tenant/fabrikam; a domain "
                                        + "belongs"
                                        + " to one tenant only")
                        // The work accounts on contoso.com lose their home, so they are no longer
                        // accounts of the tenant msdn-1 trusts: that is reported too, and rightly.
                        .also("subscription-admin-not-in-tenant"),
                RuleCase.of(
                                "two tenants with one initial domain, written in another case",
                                w -> w.tenant("contoso-2")
                                        .initialDomain("CONTOSO.onmicrosoft.com")
                                        .admins("msmith@hotmail.com", "boss@outlook.com"))
                        .at(
                                "tenant-contoso.yaml:7:18",
                                "domain contoso.onmicrosoft.com is the initial domain of Tenant/contoso and"
                                        + " Tenant/contoso-2, so they are one directory declared twice; a tenant's"
                                        + " metadata.name never changes: if one is the other renamed, keep the old name"
                                        + " (change displayName instead)"),
                RuleCase.of(
                                "a tenant declared twice under two names: one error, not one per domain",
                                w -> w.tenant("contoso-ltd")
                                        .displayName("Contoso")
                                        .initialDomain("contoso.onmicrosoft.com")
                                        .domains("contoso.com")
                                        .admins("admin@contoso.com", "msmith@hotmail.com"))
                        .at(
                                "tenant-contoso.yaml:7:18",
                                "domain contoso.onmicrosoft.com is the initial domain of Tenant/contoso and"
                                        + " Tenant/contoso-ltd, so they are one directory declared twice; a tenant's"
                                        + " metadata.name never changes: if one is the other renamed, keep the old name"
                                        + " (change displayName instead)")
                        .also("subscription-admin-not-in-tenant"),
                RuleCase.of("three tenants claim one domain", w -> {
                            w.tenant("contoso").domains("contoso.com", "contoso.net");
                            w.tenant("fabrikam").domains("fabrikam.com", "contoso.net");
                            w.tenant("northwind")
                                    .domains("contoso.net")
                                    .admins("msmith@hotmail.com", "boss@outlook.com");
                        })
                        .at(
                                "tenant-contoso.yaml:10:5",
                                "domain contoso.net is claimed by Tenant/contoso, Tenant/fabrikam and "
                                        + "Tenant/northwind;"
                                        + " a domain belongs to one tenant only"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "similar but different domains",
                        w -> w.tenant("fabrikam")
                                .domains("fabrikam.com", "contoso.co", "contoso.com.au", "contoso-com.net")));
    }
}
