package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code foreign-work-account}: a work or school account can be authenticated only by its home
 * tenant (the seed's note), so it is a global administrator of that tenant only. The message names
 * the account, its home and the tenant that lists it.
 */
class ForeignWorkAccountTest extends RuleTest {

    ForeignWorkAccountTest() {
        super("foreign-work-account");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of(
                                "a work account of another tenant",
                                w -> w.tenant("fabrikam")
                                        .admins("admin@fabrikam.com", "boss@outlook.com", "admin@contoso.com"))
                        .at(
                                "tenant-fabrikam.yaml:13:5",
                                "work or school account admin@contoso.com is homed in Tenant/contoso and cannot be "
                                        + "a global administrator of Tenant/fabrikam; use a Microsoft account or "
                                        + "an account of this tenant"),
                RuleCase.of(
                                "named in another case than declared",
                                w -> w.tenant("fabrikam")
                                        .admins("admin@fabrikam.com", "boss@outlook.com", "JOHNDOE@contoso.com"))
                        .at(
                                "tenant-fabrikam.yaml:13:5",
                                "work or school account JohnDoe@contoso.com is homed in Tenant/contoso and cannot "
                                        + "be a global administrator of Tenant/fabrikam; use a Microsoft account "
                                        + "or an account of this tenant"),
                RuleCase.of(
                                "the only global administrator is foreign",
                                w -> w.tenant("fabrikam").admins("admin@contoso.com"))
                        .at(
                                "tenant-fabrikam.yaml:11:5",
                                "work or school account admin@contoso.com is homed in Tenant/contoso and cannot be "
                                        + "a global administrator of Tenant/fabrikam; use a Microsoft account or "
                                        + "an account of this tenant")
                        .also("global-admin-count"),
                RuleCase.of("a work account on the initial domain of another tenant", w -> {
                            w.account("ops").work("ops@contoso.onmicrosoft.com");
                            w.subscription("msdn-1")
                                    .coAdmins(
                                            "admin@contoso.com", "JohnDoe@contoso.com", "ops@contoso.onmicrosoft.com");
                            w.tenant("fabrikam")
                                    .admins("admin@fabrikam.com", "boss@outlook.com", "ops@contoso.onmicrosoft.com");
                        })
                        .at(
                                "tenant-fabrikam.yaml:13:5",
                                "work or school account ops@contoso.onmicrosoft.com is homed in Tenant/contoso and "
                                        + "cannot be a global administrator of Tenant/fabrikam; use a Microsoft "
                                        + "account or an account of this tenant"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "a Microsoft account administers several tenants (the seed)",
                        w -> w.tenant("fabrikam")
                                .admins("admin@fabrikam.com", "boss@outlook.com", "msmith@hotmail.com")));
    }
}
