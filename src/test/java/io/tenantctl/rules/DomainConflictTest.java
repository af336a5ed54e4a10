package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code domain-conflict}: a domain, initial or custom, belongs to one tenant only, compared
 * case-insensitively. Every tenant that claims it is reported at its claim, and each message names
 * all of them.
 */
class DomainConflictTest extends RuleTest {

    DomainConflictTest() {
        super("domain-conflict");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of(
                                "an initial domain claimed as a custom domain by another tenant",
                                w -> w.tenant("fabrikam").domains("fabrikam.com", "contoso.onmicrosoft.com"))
                        .at("tenant-contoso.yaml:7:18", "contoso.onmicrosoft.com", "Tenant/contoso", "Tenant/fabrikam")
                        .at(
                                "tenant-fabrikam.yaml:10:5",
                                "contoso.onmicrosoft.com",
                                "Tenant/contoso",
                                "Tenant/fabrikam"),
                RuleCase.of("a custom domain claimed by two tenants", w -> {
                            w.tenant("contoso").domains("contoso.com", "contoso.net");
                            w.tenant("fabrikam").domains("fabrikam.com", "contoso.net");
                        })
                        .at("tenant-contoso.yaml:10:5", "contoso.net", "Tenant/contoso", "Tenant/fabrikam")
                        .at("tenant-fabrikam.yaml:10:5", "contoso.net", "Tenant/contoso", "Tenant/fabrikam"),
                RuleCase.of("custom domains differing only in case", w -> {
                            w.tenant("contoso").domains("contoso.com", "contoso.net");
                            w.tenant("fabrikam").domains("fabrikam.com", "Contoso.NET");
                        })
                        .at("tenant-contoso.yaml:10:5", "contoso.net", "Tenant/contoso", "Tenant/fabrikam")
                        .at("tenant-fabrikam.yaml:10:5", "contoso.net", "Tenant/contoso", "Tenant/fabrikam"),
                RuleCase.of(
                                "initial domains differing only in case",
                                w -> w.tenant("contoso-2")
                                        .initialDomain("CONTOSO.onmicrosoft.com")
                                        .admins("msmith@hotmail.com", "boss@outlook.com"))
                        .at("tenant-contoso.yaml:7:18", "contoso.onmicrosoft.com", "Tenant/contoso", "Tenant/contoso-2")
                        .at(
                                "tenant-contoso-2.yaml:7:18",
                                "contoso.onmicrosoft.com",
                                "Tenant/contoso",
                                "Tenant/contoso-2"),
                RuleCase.of("three tenants claim one domain", w -> {
                            w.tenant("contoso").domains("contoso.com", "contoso.net");
                            w.tenant("fabrikam").domains("fabrikam.com", "contoso.net");
                            w.tenant("northwind")
                                    .domains("contoso.net")
                                    .admins("msmith@hotmail.com", "boss@outlook.com");
                        })
                        .at("tenant-contoso.yaml:10:5", "Tenant/contoso", "Tenant/fabrikam", "Tenant/northwind")
                        .at("tenant-fabrikam.yaml:10:5", "Tenant/contoso", "Tenant/fabrikam", "Tenant/northwind")
                        .at("tenant-northwind.yaml:9:5", "Tenant/contoso", "Tenant/fabrikam", "Tenant/northwind"),
                // The work accounts on contoso.com lose their home, so they are no longer accounts
                // of the tenant msdn-1 trusts: that is reported too, and rightly.
                RuleCase.of(
                                "a conflict on the domain of work accounts",
                                w -> w.tenant("fabrikam").domains("fabrikam.com", "contoso.com"))
                        .at("tenant-contoso.yaml:9:5", "contoso.com", "Tenant/contoso", "Tenant/fabrikam")
                        .at("tenant-fabrikam.yaml:10:5", "contoso.com", "Tenant/contoso", "Tenant/fabrikam")
                        .also("subscription-admin-not-in-tenant"));
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
