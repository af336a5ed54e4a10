package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code no-global-admin}: every tenant has at least one global administrator. An empty list is
 * reported at the list.
 */
class NoGlobalAdminTest extends RuleTest {

    NoGlobalAdminTest() {
        super("no-global-admin");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("an empty list", w -> w.tenant("contoso").admins())
                        .at(
                                "tenant-contoso.yaml:10:25",
                                "Tenant/contoso would have no global administrator; every tenant needs at least one"),
                RuleCase.of(
                                "a new tenant with no administrator",
                                w -> w.tenant("empty").admins())
                        .at(
                                "tenant-empty.yaml:8:25",
                                "Tenant/empty would have no global administrator; every tenant needs at least one"),
                RuleCase.of("two tenants, each reported", w -> {
                            w.tenant("contoso").admins();
                            w.tenant("fabrikam").admins();
                        })
                        .at(
                                "tenant-contoso.yaml:10:25",
                                "Tenant/contoso would have no global administrator; every tenant needs at least one")
                        .at(
                                "tenant-fabrikam.yaml:10:25",
                                "Tenant/fabrikam would have no global administrator; every tenant needs at least "
                                        + "one"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "one is enough (global-admin-count only warns)",
                        w -> w.tenant("contoso").admins("msmith@hotmail.com")));
    }
}
