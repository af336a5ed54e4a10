package io.tenantctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A rule that judges a subscription's co-administrators one by one may check only the one whose
 * role a step changed ({@link Rule#checkSubscriptionMember}); the planner relies on it saying, of
 * that member and of the rest of the subscription, exactly what the whole check says.
 */
class SubscriptionMemberCheckTest {

    private static final List<Rule> RULES = List.of(new UnknownReference(), new SubscriptionAdminNotInTenant());

    /**
     * Contoso's subscription, with an account administrator that does not exist, a service
     * administrator homed elsewhere, and co-administrators of every kind: homed in contoso, homed in
     * fabrikam, a Microsoft account, one without a home tenant, and one that does not exist.
     */
    private static final List<String> CO_ADMINISTRATORS = List.of(
            "admin@contoso.com", "boss@fabrikam.com", "m@outlook.com", "intern@northwind.com", "ghost@contoso.com");

    @Test
    void aMemberIsJudgedAsTheWholeCheckJudgesIt() {
        World world = World.of(objects());
        Subscription s = world.subscription("s").orElseThrow();
        for (Rule rule : RULES) {
            List<Violation> whole = new ArrayList<>();
            rule.checkSubscription(world, s, whole::add);
            assertThat(whole)
                    .as(
                            "%s finds something wrong with some co-administrators, or this test proves nothing",
                            rule.code())
                    .anyMatch(v -> v.pointer().equals("/spec/coAdministrators"))
                    .as("%s finds something wrong with the rest of the subscription too", rule.code())
                    .anyMatch(v -> !v.pointer().equals("/spec/coAdministrators"));
            for (String member : CO_ADMINISTRATORS) {
                List<Violation> narrow = new ArrayList<>();
                rule.checkSubscriptionMember(world, s, member, narrow::add);
                List<Violation> expected = whole.stream()
                        .filter(v -> !v.pointer().equals("/spec/coAdministrators")
                                || v.element().equals(Optional.of(member)))
                        .toList();
                assertThat(narrow).as("%s of %s", rule.code(), member).containsExactlyElementsOf(expected);
            }
            // A member no longer there (a RemoveCoAdmin): only the rest of the subscription.
            List<Violation> removed = new ArrayList<>();
            rule.checkSubscriptionMember(world, s, "gone@contoso.com", removed::add);
            assertThat(removed)
                    .containsExactlyElementsOf(whole.stream()
                            .filter(v -> !v.pointer().equals("/spec/coAdministrators"))
                            .toList());
        }
    }

    @Test
    void aScopeOfOneMemberBecomesWholeWhenTheSubscriptionIsAskedForWhole() {
        assertThat(Scope.of().subscriptionMember("s", "a@x.example").memberOnly("s"))
                .isEqualTo("a@x.example");
        assertThat(Scope.of()
                        .subscriptionMember("s", "a@x.example")
                        .subscription("s")
                        .memberOnly("s"))
                .isNull();
        assertThat(Scope.of()
                        .subscription("s")
                        .subscriptionMember("s", "a@x.example")
                        .memberOnly("s"))
                .isNull();
        assertThat(Scope.of()
                        .subscriptionMember("s", "a@x.example")
                        .subscriptionMember("s", "b@x.example")
                        .memberOnly("s"))
                .isNull();
        assertThat(Scope.of().subscriptionMember("s", "a@x.example").subscriptions())
                .containsExactly("s");
    }

    private static List<WorldObject> objects() {
        List<WorldObject> out = new ArrayList<>();
        out.add(tenant("contoso", "contoso.com", "admin@contoso.com"));
        out.add(tenant("fabrikam", "fabrikam.com", "boss@fabrikam.com"));
        out.add(account("admin", AccountType.WORK_OR_SCHOOL, "admin@contoso.com"));
        out.add(account("boss", AccountType.WORK_OR_SCHOOL, "boss@fabrikam.com"));
        out.add(account("intern", AccountType.WORK_OR_SCHOOL, "intern@northwind.com"));
        out.add(account("m", AccountType.MICROSOFT_ACCOUNT, "m@outlook.com"));
        out.add(new Subscription(
                Metadata.named("s"),
                Offer.AZURE,
                "contoso",
                Optional.empty(),
                Optional.of("left@contoso.com"),
                Optional.of("boss@fabrikam.com"),
                new TreeSet<>(CO_ADMINISTRATORS)));
        return out;
    }

    private static Tenant tenant(String name, String domain, String admin) {
        return new Tenant(
                Metadata.named(name),
                name,
                name + ".onmicrosoft.com",
                new TreeSet<>(List.of(domain)),
                new TreeSet<>(List.of(admin)));
    }

    private static Account account(String name, AccountType type, String signInName) {
        return new Account(Metadata.named(name), type, signInName, Optional.empty());
    }
}
