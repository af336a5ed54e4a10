package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * Warning {@code global-admin-count}: best practice is 2 to 4 global administrators. Reported at the
 * list, naming the tenant and the count; the run stays valid.
 */
class GlobalAdminCountTest extends RuleTest {

    GlobalAdminCountTest() {
        super("global-admin-count", "warning");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("one global administrator", w -> w.tenant("contoso").admins("admin@contoso.com"))
                        .at(
                                "tenant-contoso.yaml:11:3",
                                "Tenant/contoso has 1 global administrator; keep at least 2 so that one lost "
                                        + "sign-in does not lock it"),
                RuleCase.of("five global administrators", w -> {
                            w.account("helper").microsoft("helper@outlook.com");
                            w.subscription("msdn-1")
                                    .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "helper@outlook.com");
                            w.tenant("contoso")
                                    .admins(
                                            "admin@contoso.com",
                                            "msmith@hotmail.com",
                                            "JohnDoe@contoso.com",
                                            "boss@outlook.com",
                                            "helper@outlook.com");
                        })
                        .at(
                                "tenant-contoso.yaml:11:3",
                                "Tenant/contoso has 5 global administrators; keep no more than 4"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("two (the valid base world)", w -> {}),
                RuleCase.of(
                        "three",
                        w -> w.tenant("contoso")
                                .admins("admin@contoso.com", "msmith@hotmail.com", "JohnDoe@contoso.com")),
                RuleCase.of(
                        "four",
                        w -> w.tenant("contoso")
                                .admins(
                                        "admin@contoso.com",
                                        "msmith@hotmail.com",
                                        "JohnDoe@contoso.com",
                                        "boss@outlook.com")));
    }
}
