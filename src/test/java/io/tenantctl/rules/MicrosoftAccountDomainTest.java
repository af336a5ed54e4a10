package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code microsoft-account-domain}: a Microsoft account is not on any tenant's domain, because the
 * same sign-in name would then mean two identities. The message names the tenant that owns it.
 */
class MicrosoftAccountDomainTest extends RuleTest {

    MicrosoftAccountDomainTest() {
        super("microsoft-account-domain");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("on a custom domain", w -> w.account("personal").microsoft("someone@contoso.com"))
                        .at("account-personal.yaml:6:15", "someone@contoso.com", "contoso.com", "Tenant/contoso"),
                RuleCase.of(
                                "on an initial domain",
                                w -> w.account("personal").microsoft("someone@fabrikam.onmicrosoft.com"))
                        .at("account-personal.yaml:6:15", "someone@fabrikam.onmicrosoft.com", "Tenant/fabrikam"),
                RuleCase.of(
                                "on a tenant domain written in another case",
                                w -> w.account("personal").microsoft("Someone@CONTOSO.COM"))
                        .at("account-personal.yaml:6:15", "Someone@CONTOSO.COM", "contoso.com", "Tenant/contoso"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "on a domain of no tenant", w -> w.account("personal").microsoft("someone@gmail.com")));
    }
}
