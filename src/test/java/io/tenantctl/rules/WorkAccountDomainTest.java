package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code work-account-domain}: a work or school account lives in the tenant that owns the domain of
 * its sign-in name, so that domain must be some tenant's (initial or custom, compared
 * case-insensitively, exactly: a subdomain is another domain).
 */
class WorkAccountDomainTest extends RuleTest {

    WorkAccountDomainTest() {
        super("work-account-domain");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("a domain no tenant has", w -> w.account("intern").work("intern@northwind.com"))
                        .at(
                                "account-intern.yaml:6:15",
                                "work or school account intern@northwind.com has no home tenant: no tenant has the "
                                        + "domain northwind.com"),
                RuleCase.of(
                                "a subdomain of a tenant domain",
                                w -> w.account("sales").work("rep@sales.contoso.com"))
                        .at(
                                "account-sales.yaml:6:15",
                                "work or school account rep@sales.contoso.com has no home tenant: no tenant has "
                                        + "the domain sales.contoso.com"),
                RuleCase.of(
                                "a Microsoft account domain declared as work or school",
                                w -> w.account("worker").work("worker@outlook.com"))
                        .at(
                                "account-worker.yaml:6:15",
                                "work or school account worker@outlook.com has no home tenant: no tenant has the "
                                        + "domain outlook.com"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of("on the initial domain", w -> w.account("svc").work("svc@contoso.onmicrosoft.com")),
                RuleCase.of(
                        "in another case than the tenant domain",
                        w -> w.account("shout").work("SHOUT@CONTOSO.COM")));
    }
}
