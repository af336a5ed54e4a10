package io.tenantctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Progress;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Plans that need the scheduler to look past its order of preference. */
class LookaheadPlannerTest {

    private static final Account M = account("m", AccountType.MICROSOFT_ACCOUNT, "m@outlook.com");
    private static final Account M2 = account("m2", AccountType.MICROSOFT_ACCOUNT, "m2@hotmail.com");
    private static final Account WA = account("wa", AccountType.WORK_OR_SCHOOL, "wa@a.onmicrosoft.com");
    private static final Account BW = account("bw", AccountType.WORK_OR_SCHOOL, "bw@b.onmicrosoft.com");

    private static Account account(String name, AccountType type, String signIn) {
        return new Account(Metadata.named(name), type, signIn, Optional.empty());
    }

    private static Tenant tenant(String name, String... admins) {
        return new Tenant(
                Metadata.named(name),
                "Tenant " + name,
                name + ".onmicrosoft.com",
                new TreeSet<>(),
                new TreeSet<>(List.of(admins)));
    }

    private static Subscription azure(String tenant, String aa, String sa, String... co) {
        return new Subscription(
                Metadata.named("s"),
                Offer.AZURE,
                tenant,
                Optional.empty(),
                Optional.of(aa),
                Optional.of(sa),
                new TreeSet<>(List.of(co)));
    }

    /** s in a, its service administrator wa; m administers b. */
    private static final World ONLY_M_CAN_MOVE_S =
            world(M, WA, BW, tenant("a", WA.key()), tenant("b", BW.key(), M.key()), azure("a", WA.key(), WA.key()));

    /** s in b, its service administrator bw, a work account of b. */
    private static final World S_MOVED_TO_BW =
            world(M, WA, BW, tenant("a", WA.key()), tenant("b", BW.key(), M.key()), azure("b", WA.key(), BW.key()));

    private static List<String> plan(World before, World after, String... as) {
        ChangeSet changes =
                new Differ().diff(after.objects(), before, object -> true).changeSet();
        Schedule schedule = new Planner(ClassicProfile.PROFILE).schedule(before, changes, List.of(as));
        assertThat(schedule.blocked()).as("blocked steps").isEmpty();
        MutableWorld world = before.toMutable();
        StepRunner runner = new StepRunner(ClassicProfile.PROFILE);
        for (PlannedStep step : schedule.steps()) {
            assertThat(runner.replay(step, world))
                    .as("step %s replays", step.index())
                    .isEmpty();
        }
        assertThat(world.snapshot()).isEqualTo(changes.desired());
        return schedule.steps().stream()
                .map(s -> s.step().describe() + " by " + s.actor().orElse("nobody"))
                .toList();
    }

    private static World world(WorldObject... objects) {
        return World.of(List.of(objects));
    }

    @Test
    void aServiceAdministratorChangeComesBeforeTheTransferThatNeedsItAndTheRevokeThatWouldStopIt() {
        World before = world(
                M,
                WA,
                BW,
                tenant("a", WA.key(), M.key()),
                tenant("b", BW.key(), M.key()),
                azure("a", WA.key(), WA.key()));
        World after =
                world(M, WA, BW, tenant("a", WA.key(), M.key()), tenant("b", BW.key()), azure("b", WA.key(), M.key()));
        assertThat(plan(before, after))
                .containsExactly(
                        "SetServiceAdmin m@outlook.com to Subscription/s by wa@a.onmicrosoft.com",
                        "TransferSubscription Subscription/s from Tenant/a to Tenant/b by m@outlook.com",
                        "RemoveGlobalAdmin m@outlook.com from Tenant/b by bw@b.onmicrosoft.com");
    }

    @Test
    void theOldServiceAdministratorChangesTheCoAdministratorsBeforeItIsReplacedWhenOnlyItMayAct() {
        // Replacing a service administrator is preferred before changing co-administrators; acting
        // only as the account administrator, who is also the service administrator, that order has
        // nobody left to add the co-administrator.
        World before = world(M, M2, WA, tenant("a", WA.key(), M.key()), azure("a", M.key(), M.key()));
        World after = world(M, M2, WA, tenant("a", WA.key(), M.key()), azure("a", M.key(), M2.key(), WA.key()));
        assertThat(plan(before, after, M.key()))
                .containsExactly(
                        "AddCoAdmin wa@a.onmicrosoft.com to Subscription/s by m@outlook.com",
                        "SetServiceAdmin m2@hotmail.com to Subscription/s by m@outlook.com");
    }

    @Test
    void theAdministratorWhoDeletesATenantIsTheOnlyAccountLeftInIt() {
        World before = world(M, M2, WA, tenant("a", WA.key(), M.key(), M2.key()), tenant("b", M.key()));
        World after = world(M, M2, tenant("b", M.key()));
        assertThat(plan(before, after))
                .containsExactly(
                        "RemoveGlobalAdmin wa@a.onmicrosoft.com from Tenant/a by m2@hotmail.com",
                        "DeleteAccount Account/wa by m2@hotmail.com",
                        "RemoveGlobalAdmin m2@hotmail.com from Tenant/a by m@outlook.com",
                        "DeleteTenant Tenant/a by m@outlook.com");
    }

    /** Only a temporary service administrator can move s: the one the manifests want is a work account of b. */
    @Test
    void aTemporaryServiceAdministratorMovesASubscriptionThatNoOneElseCould() {
        World before = ONLY_M_CAN_MOVE_S;
        World after = S_MOVED_TO_BW;
        ChangeSet changes =
                new Differ().diff(after.objects(), before, object -> true).changeSet();
        Planner planner = new Planner(ClassicProfile.PROFILE);
        Schedule refused = planner.schedule(before, changes, new Planner.Options(List.of()), Progress.NONE);
        assertThat(refused.blocked()).hasSize(1);
        assertThat(refused.blocked().get(0).message())
                .contains("To unblock it: m@outlook.com would have to be a service administrator of Subscription/s");

        Schedule granted = planner.schedule(before, changes, new Planner.Options(List.of(), true), Progress.NONE);
        assertThat(granted.blocked()).isEmpty();
        assertThat(granted.temporaryGrants()).isEqualTo(1);
        assertThat(granted.steps().stream()
                        .map(s -> s.step().describe() + (s.temporary() ? " (temporary)" : ""))
                        .toList())
                .containsExactly(
                        "SetServiceAdmin m@outlook.com to Subscription/s (temporary)",
                        "TransferSubscription Subscription/s from Tenant/a to Tenant/b",
                        "SetServiceAdmin bw@b.onmicrosoft.com to Subscription/s");
        assertThat(granted.result()).isEqualTo(changes.desired());
    }

    /** A temporary grant goes only to an account the manifests declare, never to one the state merely keeps. */
    @Test
    void aTemporaryGrantGoesOnlyToAnAccountTheManifestsDeclare() {
        World before = ONLY_M_CAN_MOVE_S;
        World after = S_MOVED_TO_BW;
        Planner planner = new Planner(ClassicProfile.PROFILE);
        // m is in the state but not in the manifests: kept, not declared
        List<WorldObject> declared =
                after.objects().stream().filter(o -> !o.equals(M)).toList();
        ChangeSet kept = new Differ().diff(declared, before, object -> false).changeSet();
        assertThat(kept.desired().account(M.key())).as("m is kept").isPresent();
        Schedule schedule = planner.schedule(before, kept, new Planner.Options(List.of(), true), Progress.NONE);
        assertThat(schedule.blocked())
                .as("no grant to an account the manifests do not name")
                .hasSize(1);
        assertThat(schedule.temporaryGrants()).isZero();
        assertThat(schedule.blocked().get(0).message()).doesNotContain("m@outlook.com would have to");
    }
}
