package io.tenantctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.model.Kind;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.plan.Base;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.Summary;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.profile.classic.ClassicRoles;
import io.tenantctl.step.Effect;
import io.tenantctl.step.Impact;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Markdown plan classes a step by what it does (its impact, from its effects), not by its
 * operation: a transfer that removes nobody revokes nothing, one that removes a co-administrator
 * does; a {@code SetServiceAdmin} that replaces someone both grants and revokes.
 */
class StepImpactsTest {

    private static final ObjectRef SUBSCRIPTION = new ObjectRef(Kind.SUBSCRIPTION, "msdn-1");

    @Test
    void aTransferThatRemovesNobodyRevokesNothing() {
        PlannedStep transfer = PlannedStep.of(
                1,
                Step.move(ClassicOp.TRANSFER_SUBSCRIPTION, SUBSCRIPTION, "old", "new"),
                Optional.empty(),
                "x",
                List.of());
        assertThat(StepImpacts.of(transfer)).containsExactly(Impact.TENANCY);
        assertThat(StepImpacts.privileged(transfer)).isFalse();

        String markdown = render(transfer);
        assertThat(markdown)
                .contains("| steps that revoke administrator rights | 0 |")
                .contains("| steps that move a subscription to another directory | 1 |")
                .contains("| 1 | tenancy | TransferSubscription")
                .contains("class s1 tenancy");
    }

    @Test
    void aTransferThatRemovesACoAdministratorRevokes() {
        PlannedStep transfer = PlannedStep.of(
                1,
                Step.move(ClassicOp.TRANSFER_SUBSCRIPTION, SUBSCRIPTION, "old", "new"),
                Optional.empty(),
                "x",
                List.of(revoked(ClassicRoles.CO_ADMINISTRATOR, "jo@contoso.com")));
        assertThat(StepImpacts.privileged(transfer)).isTrue();
        assertThat(render(transfer))
                .contains("| steps that revoke administrator rights | 1 |")
                .contains("| 1 | **revoke** tenancy | TransferSubscription");
    }

    @Test
    void aServiceAdministratorReplacedIsAGrantAndARevoke() {
        PlannedStep set = PlannedStep.of(
                1,
                Step.forAccount(ClassicOp.SET_SERVICE_ADMIN, SUBSCRIPTION, "new@contoso.com"),
                Optional.empty(),
                "x",
                List.of(revoked(ClassicRoles.SERVICE_ADMINISTRATOR, "old@contoso.com")));
        assertThat(render(set))
                .contains("| steps that grant administrator rights | 1 |")
                .contains("| steps that revoke administrator rights | 1 |")
                .contains("| 1 | **grant** **revoke** | SetServiceAdmin")
                .contains("s1 -.->|gets rights| a1");
    }

    @Test
    void aStepOfAPlanSavedBeforeImpactCountsByItsOperation() {
        PlannedStep old = new PlannedStep(
                1,
                Step.forAccount(ClassicOp.REMOVE_CO_ADMIN, SUBSCRIPTION, "jo@contoso.com"),
                Optional.empty(),
                "x",
                List.of(new Effect.Recorded("words only")),
                Set.of(),
                false);
        assertThat(StepImpacts.of(old)).containsExactly(Impact.REVOKE);
        assertThat(render(old)).contains("| steps that revoke administrator rights | 1 |");
    }

    private static Effect revoked(Role role, String account) {
        return new Effect.RoleChanged(
                Effect.Change.REVOKED, role, account, SUBSCRIPTION, account + " is no longer " + role);
    }

    private static String render(PlannedStep step) {
        Plan plan = new Plan(
                new Base("00000000-0000-4000-8000-000000000002", 1),
                "classic",
                List.of(),
                Map.of("paths", "manifests"),
                "default",
                List.of(),
                new Summary(0, 1, 0, 0, 0, 0),
                List.of(),
                List.of(step),
                List.of(),
                List.of());
        return PlanMarkdownPropertyTest.check(PlanDocument.of(plan), MarkdownOptions.DEFAULT);
    }
}
