package io.tenantctl.rules;

import io.tenantctl.testing.ManifestSet;
import io.tenantctl.testing.RuleCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code coadmin-limit}: an Azure subscription has at most 200 co-administrators, and its service
 * administrator is not also listed as one. Too many is reported at the list (its first entry), the
 * service administrator at its entry.
 */
class CoadminLimitTest extends RuleTest {

    CoadminLimitTest() {
        super("coadmin-limit");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                RuleCase.of("201 co-administrators", w -> big(w, 201, false))
                        .at(
                                "subscription-big.yaml:11:3",
                                "Subscription/big has 201 co-administrators; the limit is 200"),
                RuleCase.of(
                                "the service administrator also listed as co-administrator",
                                w -> w.subscription("msdn-1")
                                        .coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "MSmith@hotmail.com"))
                        .at(
                                "subscription-msdn-1.yaml:13:5",
                                "msmith@hotmail.com is the service administrator of Subscription/msdn-1 and cannot "
                                        + "also be a co-administrator"),
                // msmith@hotmail.com is entry 202 of the list: line 10 + 202.
                RuleCase.of("both at once", w -> big(w, 201, true))
                        .at(
                                "subscription-big.yaml:11:3",
                                "Subscription/big has 202 co-administrators; the limit is 200")
                        .at(
                                "subscription-big.yaml:212:5",
                                "msmith@hotmail.com is the service administrator of Subscription/big and cannot "
                                        + "also be a co-administrator"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of("200 co-administrators", w -> big(w, 200, false)));
    }

    /** Subscription "big" of contoso with n Microsoft-account co-administrators, all declared in one file. */
    private static void big(ManifestSet w, int n, boolean withServiceAdmin) {
        List<String> coAdmins = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String signIn = String.format(Locale.ROOT, "user%03d@outlook.com", i);
            w.newAccount(String.format(Locale.ROOT, "user-%03d", i), "accounts-many.yaml")
                    .microsoft(signIn);
            coAdmins.add(signIn);
        }
        if (withServiceAdmin) {
            coAdmins.add("msmith@hotmail.com");
        }
        w.subscription("big")
                .azure("contoso")
                .accountAdmin("msmith@hotmail.com")
                .serviceAdmin("msmith@hotmail.com")
                .coAdmins(coAdmins);
    }
}
