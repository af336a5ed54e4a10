package io.tenantctl.agent;

import io.tenantctl.plan.Plan;
import io.tenantctl.step.PlannedStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source's action per step class. Unless configured: additive steps are applied, every other
 * class waits for approval.
 */
public record Policy(Map<StepClass, PolicyAction> actions) {

    public static final Policy DEFAULT = new Policy(Map.of());

    public Policy {
        EnumMap<StepClass, PolicyAction> all = new EnumMap<>(StepClass.class);
        for (StepClass c : StepClass.values()) {
            all.put(c, c == StepClass.ADDITIVE ? PolicyAction.AUTO : PolicyAction.APPROVE);
        }
        all.putAll(actions);
        actions = Map.copyOf(all);
    }

    public PolicyAction action(StepClass stepClass) {
        return actions.get(stepClass);
    }

    /** What the policy says of a whole plan: the strictest action any of its steps calls for. */
    public Decision decide(Plan plan) {
        Map<String, Integer> classes = new TreeMap<>();
        List<PlannedStep> forbidden = new ArrayList<>();
        List<PlannedStep> needApproval = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            StepClass stepClass = StepClass.of(step);
            classes.merge(stepClass.wireName(), 1, Integer::sum);
            switch (action(stepClass)) {
                case AUTO -> {}
                case APPROVE -> needApproval.add(step);
                case NEVER -> forbidden.add(step);
            }
        }
        PolicyAction verdict = !forbidden.isEmpty()
                ? PolicyAction.NEVER
                : !needApproval.isEmpty() ? PolicyAction.APPROVE : PolicyAction.AUTO;
        return new Decision(verdict, classes, forbidden, needApproval);
    }

    /**
     * The policy's verdict on a plan.
     *
     * @param classes      how many steps fall in each class, by wire name
     * @param forbidden    the steps of classes the policy never applies
     * @param needApproval the steps of classes that wait for approval
     */
    public record Decision(
            PolicyAction verdict,
            Map<String, Integer> classes,
            List<PlannedStep> forbidden,
            List<PlannedStep> needApproval) {

        public Decision {
            classes = Map.copyOf(classes);
            forbidden = List.copyOf(forbidden);
            needApproval = List.copyOf(needApproval);
        }
    }
}
