package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code unknown-reference}: every tenant and account a manifest names exists. Each reference is
 * reported where it is written, naming the object that makes it and the missing name.
 */
class UnknownReferenceTest extends RuleTest {

    UnknownReferenceTest() {
        super("unknown-reference");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of(
                                "an Azure subscription trusts a tenant that does not exist",
                                w -> w.subscription("spare")
                                        .azure("northwind")
                                        .accountAdmin("msmith@hotmail.com")
                                        .serviceAdmin("msmith@hotmail.com"))
                        .at(
                                "subscription-spare.yaml:7:11",
                                "Subscription/spare trusts Tenant/northwind, which does not exist"),
                RuleCase.of(
                                "an Office 365 subscription trusts a tenant that does not exist",
                                w -> w.subscription("contoso-o365").tenant("nowhere"))
                        .at(
                                "subscription-contoso-o365.yaml:7:11",
                                "Subscription/contoso-o365 trusts Tenant/nowhere, which does not exist"),
                RuleCase.of(
                                "accountAdministrator",
                                w -> w.subscription("msdn-1").accountAdmin("ghost@hotmail.com"))
                        .at(
                                "subscription-msdn-1.yaml:8:25",
                                "Subscription/msdn-1 names account administrator ghost@hotmail.com, but no Account "
                                        + "has that sign-in name"),
                // msmith stays a co-administrator, so that he keeps his portal access.
                RuleCase.of(
                                "serviceAdministrator",
                                w -> w.subscription("msdn-1")
                                        .serviceAdmin("Ghost@Hotmail.com")
                                        .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "msmith@hotmail.com"))
                        .at(
                                "subscription-msdn-1.yaml:9:25",
                                "Subscription/msdn-1 names service administrator Ghost@Hotmail.com, but no Account "
                                        + "has that sign-in name"),
                RuleCase.of(
                                "an entry of coAdministrators",
                                w -> w.subscription("msdn-1")
                                        .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "Nobody@contoso.com"))
                        .at(
                                "subscription-msdn-1.yaml:13:5",
                                "Subscription/msdn-1 names co-administrator Nobody@contoso.com, but no Account has "
                                        + "that sign-in name"),
                RuleCase.of(
                                "an entry of globalAdministrators",
                                w -> w.tenant("contoso")
                                        .admins("admin@contoso.com", "msmith@hotmail.com", "root@contoso.com"))
                        .at(
                                "tenant-contoso.yaml:13:5",
                                "Tenant/contoso names global administrator root@contoso.com, but no Account has "
                                        + "that sign-in name"),
                RuleCase.of(
                                "every unknown reference of one object, each where it is",
                                w -> w.subscription("spare")
                                        .azure("northwind")
                                        .accountAdmin("a@outlook.com")
                                        .serviceAdmin("b@outlook.com")
                                        .coAdmins("c@outlook.com"))
                        .at(
                                "subscription-spare.yaml:7:11",
                                "Subscription/spare trusts Tenant/northwind, which does not exist")
                        .at(
                                "subscription-spare.yaml:8:25",
                                "Subscription/spare names account administrator a@outlook.com, but no Account has "
                                        + "that sign-in name")
                        .at(
                                "subscription-spare.yaml:9:25",
                                "Subscription/spare names service administrator b@outlook.com, but no Account has "
                                        + "that sign-in name")
                        .at(
                                "subscription-spare.yaml:11:5",
                                "Subscription/spare names co-administrator c@outlook.com, but no Account has that "
                                        + "sign-in name"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of("references written in another case than the declaration", w -> {
                    w.tenant("contoso").admins("Admin@Contoso.com", "MSMITH@hotmail.com");
                    w.subscription("msdn-1")
                            .accountAdmin("MSmith@Hotmail.com")
                            .serviceAdmin("msmith@HOTMAIL.com")
                            .coAdmins("ADMIN@contoso.com", "johndoe@CONTOSO.COM");
                }));
    }
}
