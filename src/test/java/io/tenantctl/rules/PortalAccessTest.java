package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * Warning {@code portal-access}: only the service administrator or a co-administrator of an Azure
 * subscription can sign in to the management portal (the seed's first paragraph), so a global
 * administrator with neither role cannot manage the directory there. Reported at the entry, naming
 * the account and the tenant.
 */
class PortalAccessTest extends RuleTest {

    PortalAccessTest() {
        super("portal-access", "warning");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("a global administrator with no subscription role", w -> {
                            w.account("carol").work("carol@contoso.com");
                            w.tenant("contoso").admins("admin@contoso.com", "msmith@hotmail.com", "carol@contoso.com");
                        })
                        .at(
                                "tenant-contoso.yaml:13:5",
                                "global administrator carol@contoso.com of Tenant/contoso is neither service "
                                        + "administrator nor co-administrator of an Azure subscription and cannot "
                                        + "sign in to the management portal"),
                RuleCase.of("being account administrator is not enough", w -> {
                            w.account("payer").microsoft("payer@outlook.com");
                            w.subscription("payg")
                                    .azure("fabrikam")
                                    .accountAdmin("payer@outlook.com")
                                    .serviceAdmin("boss@outlook.com");
                            w.tenant("fabrikam").admins("admin@fabrikam.com", "boss@outlook.com", "payer@outlook.com");
                        })
                        .at(
                                "tenant-fabrikam.yaml:13:5",
                                "global administrator payer@outlook.com of Tenant/fabrikam is neither service "
                                        + "administrator nor co-administrator of an Azure subscription and cannot "
                                        + "sign in to the management portal"),
                RuleCase.scratch("a tenant with only an Office 365 subscription", w -> {
                            w.tenant("northwind")
                                    .domains("northwind.com")
                                    .admins("it@northwind.com", "owner@outlook.com");
                            w.account("it").work("it@northwind.com");
                            w.account("owner").microsoft("owner@outlook.com");
                            w.subscription("northwind-o365").office365("northwind");
                        })
                        .at(
                                "tenant-northwind.yaml:11:5",
                                "global administrator it@northwind.com of Tenant/northwind is neither service "
                                        + "administrator nor co-administrator of an Azure subscription and cannot "
                                        + "sign in to the management portal")
                        .at(
                                "tenant-northwind.yaml:12:5",
                                "global administrator owner@outlook.com of Tenant/northwind is neither service "
                                        + "administrator nor co-administrator of an Azure subscription and cannot "
                                        + "sign in to the management portal"),
                RuleCase.of("one Microsoft account administering two tenants is reported in each", w -> {
                            w.subscription("msdn-1").serviceAdmin("boss@outlook.com");
                            w.tenant("fabrikam").admins("admin@fabrikam.com", "boss@outlook.com", "msmith@hotmail.com");
                        })
                        .at(
                                "tenant-contoso.yaml:12:5",
                                "global administrator msmith@hotmail.com of Tenant/contoso is neither service "
                                        + "administrator nor co-administrator of an Azure subscription and cannot "
                                        + "sign in to the management portal")
                        .at(
                                "tenant-fabrikam.yaml:13:5",
                                "global administrator msmith@hotmail.com of Tenant/fabrikam is neither service "
                                        + "administrator nor co-administrator of an Azure subscription and cannot "
                                        + "sign in to the management portal"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of("a co-administrator of a subscription of another tenant can sign in", w -> {
                    w.subscription("msdn-1").serviceAdmin("boss@outlook.com");
                    w.subscription("fabrikam-azure").coAdmins("admin@fabrikam.com", "msmith@hotmail.com");
                }));
    }
}
