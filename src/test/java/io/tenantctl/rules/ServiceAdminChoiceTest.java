package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code service-admin-choice}: a Microsoft-account account administrator may name only a Microsoft
 * account as service administrator; a work-account account administrator may name a Microsoft
 * account or a work or school account of the subscription's tenant. Reported at
 * {@code serviceAdministrator}, naming both accounts.
 */
class ServiceAdminChoiceTest extends RuleTest {

    ServiceAdminChoiceTest() {
        super("service-admin-choice");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                // msmith stays a co-administrator so that he keeps his portal access.
                RuleCase.of(
                                "a Microsoft-account account administrator names a work account",
                                w -> w.subscription("msdn-1")
                                        .serviceAdmin("admin@contoso.com")
                                        .coAdmins("JohnDoe@contoso.com", "msmith@hotmail.com"))
                        .at(
                                "subscription-msdn-1.yaml:9:25",
                                "account administrator msmith@hotmail.com is a Microsoft account and may name only "
                                        + "a Microsoft account as service administrator, not admin@contoso.com"),
                RuleCase.of(
                                "a work-account account administrator names a work account of another tenant",
                                w -> w.subscription("fab-work")
                                        .azure("fabrikam")
                                        .accountAdmin("admin@fabrikam.com")
                                        .serviceAdmin("admin@contoso.com"))
                        .at(
                                "subscription-fab-work.yaml:9:25",
                                "account administrator admin@fabrikam.com may name a Microsoft account or a work "
                                        + "or school account of Tenant/fabrikam as service administrator, not "
                                        + "admin@contoso.com")
                        .also("subscription-admin-not-in-tenant"),
                RuleCase.of(
                                "a Microsoft-account account administrator names a work account of another tenant",
                                w -> w.subscription("fabrikam-azure")
                                        .serviceAdmin("admin@contoso.com")
                                        .coAdmins("admin@fabrikam.com", "boss@outlook.com"))
                        .at(
                                "subscription-fabrikam-azure.yaml:9:25",
                                "account administrator boss@outlook.com is a Microsoft account and may name only a "
                                        + "Microsoft account as service administrator, not admin@contoso.com")
                        .also("subscription-admin-not-in-tenant"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of(
                        "a Microsoft-account account administrator names a Microsoft account (the base world)",
                        w -> {}),
                RuleCase.of(
                        "a Microsoft-account account administrator names another Microsoft account",
                        w -> w.subscription("msdn-1")
                                .serviceAdmin("boss@outlook.com")
                                .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "msmith@hotmail.com")),
                RuleCase.of(
                        "a work-account account administrator names a work account of the tenant",
                        w -> w.subscription("fab-work")
                                .azure("fabrikam")
                                .accountAdmin("admin@fabrikam.com")
                                .serviceAdmin("admin@fabrikam.com")),
                RuleCase.of(
                        "a work-account account administrator names a Microsoft account",
                        w -> w.subscription("fab-work")
                                .azure("fabrikam")
                                .accountAdmin("admin@fabrikam.com")
                                .serviceAdmin("boss@outlook.com")));
    }
}
