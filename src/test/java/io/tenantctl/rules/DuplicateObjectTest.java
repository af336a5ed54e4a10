package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code duplicate-object}: one object per kind and name across all manifests. The first
 * declaration (in file order) wins; each later one is reported at its {@code metadata.name},
 * naming where the first one is.
 */
class DuplicateObjectTest extends RuleTest {

    DuplicateObjectTest() {
        super("duplicate-object");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of(
                                "two tenants named contoso in two files",
                                w -> w.newTenant("contoso", "zz-copy.yaml")
                                        .initialDomain("contoso2.onmicrosoft.com")
                                        .admins("msmith@hotmail.com"))
                        .at(
                                "zz-copy.yaml:4:9",
                                "Tenant/contoso is declared twice; the first declaration is at "
                                        + "tenant-contoso.yaml:4:9"),
                RuleCase.of(
                                "two accounts named john-doe with different sign-in names",
                                w -> w.newAccount("john-doe", "zz-people.yaml").work("jdoe@contoso.com"))
                        .at(
                                "zz-people.yaml:4:9",
                                "Account/john-doe is declared twice; the first declaration is at "
                                        + "account-john-doe.yaml:4:9"),
                // The first document has 12 lines, then "---", so the second one's name is on line 17.
                RuleCase.of(
                                "two subscriptions named msdn-1 in one file",
                                w -> w.newSubscription("msdn-1", "subscription-msdn-1.yaml")
                                        .office365("fabrikam"))
                        .at(
                                "subscription-msdn-1.yaml:17:9",
                                "Subscription/msdn-1 is declared twice; the first declaration is at "
                                        + "subscription-msdn-1.yaml:4:9"),
                RuleCase.of("declared three times: both later ones are reported", w -> {
                            w.newAccount("boss", "zz-a.yaml").microsoft("boss@outlook.com");
                            w.newAccount("boss", "zz-b.yaml").microsoft("boss@outlook.com");
                        })
                        .at(
                                "zz-a.yaml:4:9",
                                "Account/boss is declared twice; the first declaration is at account-boss.yaml:4:9")
                        .at(
                                "zz-b.yaml:4:9",
                                "Account/boss is declared twice; the first declaration is at account-boss.yaml:4:9"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of("one name used by objects of different kinds", w -> {
                    w.account("contoso").microsoft("contoso.owner@outlook.com");
                    w.subscription("contoso").office365("contoso");
                    w.subscription("fabrikam").office365("fabrikam");
                }));
    }
}
