package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code onmicrosoft-custom-domain}: {@code spec.domains} lists custom domains only. A tenant's own
 * initial domain listed there could never be taken out again, and any other onmicrosoft.com name
 * is some tenant's initial domain. Each entry is reported where it is written, and only once: it
 * is not reported again as a domain conflict with the tenant whose initial domain it is.
 */
class OnmicrosoftCustomDomainTest extends RuleTest {

    OnmicrosoftCustomDomainTest() {
        super("onmicrosoft-custom-domain");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of(
                                "the tenant's own initial domain, written in another case",
                                w -> w.tenant("contoso").domains("contoso.com", "Contoso.onmicrosoft.com"))
                        .at(
                                "tenant-contoso.yaml:10:5",
                                "Contoso.onmicrosoft.com is the initial domain of Tenant/contoso"
                                        + " (spec.initialDomain); spec.domains lists custom domains only, and an initial"
                                        + " domain listed there could never be removed from it again: remove this"
                                        + " entry"),
                RuleCase.of(
                                "another tenant's initial domain",
                                w -> w.tenant("fabrikam").domains("contoso.onmicrosoft.com", "fabrikam.com"))
                        .at(
                                "tenant-fabrikam.yaml:9:5",
                                "contoso.onmicrosoft.com is an onmicrosoft.com name, which only a tenant's initial"
                                        + " domain can be; a custom domain is a domain of your own, such as"
                                        + " contoso.com: remove this entry"),
                RuleCase.of(
                                "an onmicrosoft.com name no tenant has, and the tenant's own, each where written",
                                w -> w.tenant("contoso")
                                        .domains("contoso.com", "northwind.onmicrosoft.com", "contoso.onmicrosoft.com"))
                        .at(
                                "tenant-contoso.yaml:10:5",
                                "northwind.onmicrosoft.com is an onmicrosoft.com name, which only a tenant's initial"
                                        + " domain can be; a custom domain is a domain of your own, such as"
                                        + " contoso.com: remove this entry")
                        .at(
                                "tenant-contoso.yaml:11:5",
                                "contoso.onmicrosoft.com is the initial domain of Tenant/contoso"
                                        + " (spec.initialDomain); spec.domains lists custom domains only, and an initial"
                                        + " domain listed there could never be removed from it again: remove this"
                                        + " entry"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "a domain that only contains onmicrosoft",
                        w -> w.tenant("contoso")
                                .domains("contoso.com", "onmicrosoft.contoso.com", "myonmicrosoft.com")));
    }
}
