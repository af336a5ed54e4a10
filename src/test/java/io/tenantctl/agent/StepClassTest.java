package io.tenantctl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.plan.Base;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.Summary;
import io.tenantctl.step.Op;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each operation's class, written out as a table, and the policy's verdict on a plan. */
class StepClassTest {

    private static final Map<Op, StepClass> EXPECTED = new EnumMap<>(Op.class);

    static {
        EXPECTED.put(Op.CREATE_TENANT, StepClass.ADDITIVE);
        EXPECTED.put(Op.UPDATE_TENANT, StepClass.ADDITIVE);
        EXPECTED.put(Op.ADD_DOMAIN, StepClass.ADDITIVE);
        EXPECTED.put(Op.REMOVE_DOMAIN, StepClass.DESTRUCTIVE);
        EXPECTED.put(Op.DELETE_TENANT, StepClass.DESTRUCTIVE);
        EXPECTED.put(Op.CREATE_ACCOUNT, StepClass.ADDITIVE);
        EXPECTED.put(Op.UPDATE_ACCOUNT, StepClass.ADDITIVE);
        EXPECTED.put(Op.DELETE_ACCOUNT, StepClass.DESTRUCTIVE);
        EXPECTED.put(Op.ADD_GLOBAL_ADMIN, StepClass.PRIVILEGE_GRANTING);
        EXPECTED.put(Op.REMOVE_GLOBAL_ADMIN, StepClass.PRIVILEGE_REMOVING);
        EXPECTED.put(Op.CREATE_SUBSCRIPTION, StepClass.ADDITIVE);
        EXPECTED.put(Op.UPDATE_SUBSCRIPTION, StepClass.ADDITIVE);
        EXPECTED.put(Op.TRANSFER_SUBSCRIPTION, StepClass.TENANCY_CHANGING);
        EXPECTED.put(Op.SET_SERVICE_ADMIN, StepClass.PRIVILEGE_GRANTING);
        EXPECTED.put(Op.ADD_CO_ADMIN, StepClass.PRIVILEGE_GRANTING);
        EXPECTED.put(Op.REMOVE_CO_ADMIN, StepClass.PRIVILEGE_REMOVING);
        EXPECTED.put(Op.DELETE_SUBSCRIPTION, StepClass.DESTRUCTIVE);
    }

    private static PlannedStep step(Op op, int index) {
        ObjectRef target = new ObjectRef(op.targetKind(), "x" + index);
        return new PlannedStep(index, Step.of(op, target), Optional.empty(), "", List.of());
    }

    @Test
    void everyOperationFallsInTheClassTheTableSays() {
        assertThat(EXPECTED).hasSize(Op.values().length);
        for (Op op : Op.values()) {
            assertThat(StepClass.of(step(op, 1))).as(op.wireName()).isEqualTo(EXPECTED.get(op));
        }
    }

    private static Plan plan(Op... ops) {
        List<PlannedStep> steps = new ArrayList<>();
        for (Op op : ops) {
            steps.add(step(op, steps.size() + 1));
        }
        return new Plan(
                new Base("l", 1),
                "classic",
                List.of(),
                Map.of(),
                "default",
                List.of(),
                Summary.NONE,
                List.of(),
                steps,
                List.of(),
                List.of());
    }

    @Test
    void thePolicyTakesTheStrictestActionOfAnyStep() {
        Policy policy = new Policy(Map.of(StepClass.DESTRUCTIVE, PolicyAction.NEVER));
        assertThat(policy.decide(plan(Op.CREATE_ACCOUNT, Op.UPDATE_TENANT)).verdict())
                .isEqualTo(PolicyAction.AUTO);
        Policy.Decision held = policy.decide(plan(Op.CREATE_ACCOUNT, Op.ADD_GLOBAL_ADMIN));
        assertThat(held.verdict()).isEqualTo(PolicyAction.APPROVE);
        assertThat(held.needApproval()).extracting(s -> s.step().op()).containsExactly(Op.ADD_GLOBAL_ADMIN);
        assertThat(held.classes()).containsEntry("additive", 1).containsEntry("privilege-granting", 1);
        Policy.Decision never = policy.decide(plan(Op.ADD_GLOBAL_ADMIN, Op.DELETE_ACCOUNT));
        assertThat(never.verdict()).isEqualTo(PolicyAction.NEVER);
        assertThat(never.forbidden()).extracting(s -> s.step().op()).containsExactly(Op.DELETE_ACCOUNT);
    }
}
