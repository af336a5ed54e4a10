package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code microsoft-account-domain}: a Microsoft account is not on any tenant's domain, because the
 * same sign-in name would then mean two identities, and never on onmicrosoft.com, where only the
 * initial domains of tenants are, whether or not a tenant of the manifests has it. The message names
 * the tenant that owns the domain. An account only the state holds is blamed at the tenant's domain
 * instead, in {@link StateOnlyObjectsTest}.
 */
class MicrosoftAccountDomainTest extends RuleTest {

    MicrosoftAccountDomainTest() {
        super("microsoft-account-domain");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("on a custom domain", w -> w.account("personal").microsoft("someone@contoso.com"))
                        .at(
                                "account-personal.yaml:6:15",
                                "Microsoft account someone@contoso.com is on domain contoso.com, which belongs to "
                                        + "Tenant/contoso; the same name would be both a Microsoft account and a "
                                        + "work or school account"),
                RuleCase.of(
                                "on an initial domain",
                                w -> w.account("personal").microsoft("someone@fabrikam.onmicrosoft.com"))
                        .at(
                                "account-personal.yaml:6:15",
                                "Microsoft account someone@fabrikam.onmicrosoft.com is on "
                                        + "fabrikam.onmicrosoft.com, a tenant's initial domain (of "
                                        + "Tenant/fabrikam); onmicrosoft.com names only work or school accounts of "
                                        + "tenants, and a Microsoft account is a personal address such as "
                                        + "name@outlook.com"),
                RuleCase.of(
                                "on an onmicrosoft.com domain no tenant declares",
                                w -> w.account("personal").microsoft("someone@northwind.onmicrosoft.com"))
                        .at(
                                "account-personal.yaml:6:15",
                                "Microsoft account someone@northwind.onmicrosoft.com is on northwind.onmicrosoft.com,"
                                        + " a tenant's initial domain; onmicrosoft.com names only work or school"
                                        + " accounts of tenants, and a Microsoft account is a personal address such as"
                                        + " name@outlook.com"),
                RuleCase.of(
                                "on a tenant domain written in another case",
                                w -> w.account("personal").microsoft("Someone@CONTOSO.COM"))
                        .at(
                                "account-personal.yaml:6:15",
                                "Microsoft account Someone@CONTOSO.COM is on domain contoso.com, which belongs to "
                                        + "Tenant/contoso; the same name would be both a Microsoft account and a "
                                        + "work or school account"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "on a domain of no tenant", w -> w.account("personal").microsoft("someone@gmail.com")));
    }
}
