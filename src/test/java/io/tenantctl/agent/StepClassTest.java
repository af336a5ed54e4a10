package io.tenantctl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.Base;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.Summary;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.step.Op;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each operation's class, written out as a table, and the policy's verdict on a plan. */
class StepClassTest {

    private static final World WORLD = new WorldGenerator(1).generate(60);

    private static final Map<ClassicOp, StepClass> EXPECTED = new EnumMap<>(ClassicOp.class);

    static {
        EXPECTED.put(ClassicOp.CREATE_TENANT, StepClass.ADDITIVE);
        EXPECTED.put(ClassicOp.UPDATE_TENANT, StepClass.ADDITIVE);
        EXPECTED.put(ClassicOp.ADD_DOMAIN, StepClass.ADDITIVE);
        EXPECTED.put(ClassicOp.REMOVE_DOMAIN, StepClass.DESTRUCTIVE);
        EXPECTED.put(ClassicOp.DELETE_TENANT, StepClass.DESTRUCTIVE);
        EXPECTED.put(ClassicOp.CREATE_ACCOUNT, StepClass.ADDITIVE);
        EXPECTED.put(ClassicOp.UPDATE_ACCOUNT, StepClass.ADDITIVE);
        EXPECTED.put(ClassicOp.DELETE_ACCOUNT, StepClass.DESTRUCTIVE);
        EXPECTED.put(ClassicOp.ADD_GLOBAL_ADMIN, StepClass.PRIVILEGE_GRANTING);
        EXPECTED.put(ClassicOp.REMOVE_GLOBAL_ADMIN, StepClass.PRIVILEGE_REMOVING);
        EXPECTED.put(ClassicOp.CREATE_SUBSCRIPTION, StepClass.ADDITIVE);
        EXPECTED.put(ClassicOp.UPDATE_SUBSCRIPTION, StepClass.ADDITIVE);
        EXPECTED.put(ClassicOp.TRANSFER_SUBSCRIPTION, StepClass.TENANCY_CHANGING);
        EXPECTED.put(ClassicOp.SET_SERVICE_ADMIN, StepClass.PRIVILEGE_GRANTING);
        EXPECTED.put(ClassicOp.ADD_CO_ADMIN, StepClass.PRIVILEGE_GRANTING);
        EXPECTED.put(ClassicOp.REMOVE_CO_ADMIN, StepClass.PRIVILEGE_REMOVING);
        EXPECTED.put(ClassicOp.DELETE_SUBSCRIPTION, StepClass.DESTRUCTIVE);
    }

    private static PlannedStep step(Op op, int index) {
        ObjectRef target = new ObjectRef(op.targetKind(), "x" + index);
        // The class follows from the impact a placed step carries: its operation's own (no effects here).
        return PlannedStep.of(index, step(op, target), Optional.empty(), "", List.of());
    }

    /** A step of the operation's shape; what it names does not matter to its class. */
    private static Step step(Op op, ObjectRef target) {
        return switch (op.shape()) {
            case TARGET -> Step.of(op, target);
            case ROLE -> Step.forAccount(op, target, "a@x.com");
            case DOMAIN -> Step.forDomain(op, target, "x.com");
            case MOVE -> Step.move(op, target, "t1", "t2");
            case OBJECT, SIGN_UP ->
                Step.fromWire(
                        op,
                        target,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(object(target)),
                        List.of());
        };
    }

    /** An object of the target's kind, from a generated world. */
    private static WorldObject object(ObjectRef target) {
        return WORLD.objects().stream()
                .filter(o -> o.ref().kind() == target.kind())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyOperationFallsInTheClassTheTableSays() {
        assertThat(EXPECTED).hasSize(ClassicOp.values().length);
        for (ClassicOp op : ClassicOp.values()) {
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
        assertThat(policy.decide(plan(ClassicOp.CREATE_ACCOUNT, ClassicOp.UPDATE_TENANT))
                        .verdict())
                .isEqualTo(PolicyAction.AUTO);
        Policy.Decision held = policy.decide(plan(ClassicOp.CREATE_ACCOUNT, ClassicOp.ADD_GLOBAL_ADMIN));
        assertThat(held.verdict()).isEqualTo(PolicyAction.APPROVE);
        assertThat(held.needApproval()).extracting(s -> s.step().op()).containsExactly(ClassicOp.ADD_GLOBAL_ADMIN);
        assertThat(held.classes()).containsEntry("additive", 1).containsEntry("privilege-granting", 1);
        Policy.Decision never = policy.decide(plan(ClassicOp.ADD_GLOBAL_ADMIN, ClassicOp.DELETE_ACCOUNT));
        assertThat(never.verdict()).isEqualTo(PolicyAction.NEVER);
        assertThat(never.forbidden()).extracting(s -> s.step().op()).containsExactly(ClassicOp.DELETE_ACCOUNT);
    }
}
