package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code subscription-admin-not-in-tenant}: the service administrator and co-administrators of an
 * Azure subscription are Microsoft accounts or work or school accounts homed in the tenant it
 * trusts. The message names the account, its home (if any), the subscription and its tenant.
 */
class SubscriptionAdminNotInTenantTest extends RuleTest {

    SubscriptionAdminNotInTenantTest() {
        super("subscription-admin-not-in-tenant");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of(
                                "a co-administrator homed in another tenant",
                                w -> w.subscription("msdn-1")
                                        .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "admin@fabrikam.com"))
                        .at(
                                "subscription-msdn-1.yaml:13:5",
                                "co-administrator admin@fabrikam.com is a work or school account homed in "
                                        + "Tenant/fabrikam, but Subscription/msdn-1 trusts Tenant/contoso; use a "
                                        + "Microsoft account or an account of Tenant/contoso"),
                // The seed: after a transfer the work co-administrators of the old tenant must go.
                RuleCase.of(
                                "a subscription trusting another tenant keeps its work co-administrators",
                                w -> w.subscription("msdn-1").tenant("fabrikam"))
                        .at(
                                "subscription-msdn-1.yaml:11:5",
                                "co-administrator admin@contoso.com is a work or school account homed in "
                                        + "Tenant/contoso, but Subscription/msdn-1 trusts Tenant/fabrikam; use a "
                                        + "Microsoft account or an account of Tenant/fabrikam")
                        .at(
                                "subscription-msdn-1.yaml:12:5",
                                "co-administrator JohnDoe@contoso.com is a work or school account homed in "
                                        + "Tenant/contoso, but Subscription/msdn-1 trusts Tenant/fabrikam; use a "
                                        + "Microsoft account or an account of Tenant/fabrikam"),
                // Whoever the account administrator, naming this service administrator is also a
                // wrong choice (service-admin-choice), at the same place.
                RuleCase.of(
                                "a service administrator homed in another tenant",
                                w -> w.subscription("fab-work")
                                        .azure("fabrikam")
                                        .accountAdmin("admin@fabrikam.com")
                                        .serviceAdmin("admin@contoso.com"))
                        .at(
                                "subscription-fab-work.yaml:9:25",
                                "service administrator admin@contoso.com is a work or school account homed in "
                                        + "Tenant/contoso, but Subscription/fab-work trusts Tenant/fabrikam; use a "
                                        + "Microsoft account or an account of Tenant/fabrikam")
                        .also("service-admin-choice"),
                RuleCase.of("a work account without a home tenant", w -> {
                            w.account("intern").work("intern@northwind.com");
                            w.subscription("msdn-1")
                                    .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "intern@northwind.com");
                        })
                        .at(
                                "subscription-msdn-1.yaml:13:5",
                                "co-administrator intern@northwind.com is a work or school account without a home "
                                        + "tenant, but Subscription/msdn-1 trusts Tenant/contoso; use a Microsoft "
                                        + "account or an account of Tenant/contoso")
                        .also("work-account-domain"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "a Microsoft account co-administers a subscription of another tenant",
                        w -> w.subscription("msdn-1")
                                .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "boss@outlook.com")),
                RuleCase.of("a work account on the initial domain of the trusted tenant", w -> {
                    w.account("svc").work("svc@contoso.onmicrosoft.com");
                    w.subscription("msdn-1")
                            .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "svc@contoso.onmicrosoft.com");
                }));
    }
}
