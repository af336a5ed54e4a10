package io.tenantctl.render;

import io.tenantctl.step.Impact;
import io.tenantctl.step.PlannedStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the plan views class steps for a reviewer: by the step's impact, which the planner computed
 * from what the step and its effects do (a transfer that removes nobody revokes nothing; a {@code
 * SetServiceAdmin} that replaces someone grants and revokes). A plan saved before steps carried
 * their impact reads with none, so the operation's own impact is added, as the agent's classifier
 * does.
 */
final class StepImpacts {

    /** What a reviewer must see before approving: rights given or taken away, objects removed. */
    private static final Set<Impact> PRIVILEGED = EnumSet.of(Impact.GRANT, Impact.REVOKE, Impact.DELETE);

    private StepImpacts() {}

    /** The step's impact, with its operation's own for a plan saved before impact was recorded. */
    static Set<Impact> of(PlannedStep step) {
        EnumSet<Impact> impact = EnumSet.noneOf(Impact.class);
        impact.addAll(step.impact());
        impact.addAll(step.step().op().impact());
        return Collections.unmodifiableSet(impact);
    }

    /** True for a step that grants or revokes administrator rights or deletes an object. */
    static boolean privileged(PlannedStep step) {
        return privileged(of(step));
    }

    static boolean privileged(Set<Impact> impact) {
        return impact.stream().anyMatch(PRIVILEGED::contains);
    }

    /**
     * The words of the impact column: what grants, revokes or deletes in bold, a change of
     * directory plain; a creation is said by the step itself.
     */
    static String words(Set<Impact> impact) {
        List<String> words = new ArrayList<>();
        for (Impact i : impact) {
            switch (i) {
                case GRANT, REVOKE, DELETE -> words.add("**" + i.wireName() + "**");
                case TENANCY -> words.add("tenancy");
                case CREATE -> {
                    // the step's name says it, and creating gives power over nothing that exists
                }
            }
        }
        return String.join(" ", words);
    }

    /**
     * How many steps there are of each kind that matters; a step that both grants and revokes
     * counts in both, and once in {@code privileged}.
     */
    record Counts(int grants, int revokes, int deletions, int tenancy, int privileged, int others) {

        static Counts of(List<PlannedStep> steps) {
            return ofImpacts(steps.stream().map(StepImpacts::of).toList());
        }

        static Counts ofImpacts(List<Set<Impact>> steps) {
            int grants = 0;
            int revokes = 0;
            int deletions = 0;
            int tenancy = 0;
            int privileged = 0;
            for (Set<Impact> impact : steps) {
                grants += impact.contains(Impact.GRANT) ? 1 : 0;
                revokes += impact.contains(Impact.REVOKE) ? 1 : 0;
                deletions += impact.contains(Impact.DELETE) ? 1 : 0;
                tenancy += impact.contains(Impact.TENANCY) ? 1 : 0;
                privileged += StepImpacts.privileged(impact) ? 1 : 0;
            }
            return new Counts(grants, revokes, deletions, tenancy, privileged, steps.size() - privileged);
        }

        /** {@code 3 grant, 1 revoke, 2 delete}: what these counts hold that the others do not. */
        String privilegedWords(Counts shown) {
            return Markdown.count(grants - shown.grants) + " grant, " + Markdown.count(revokes - shown.revokes)
                    + " revoke, " + Markdown.count(deletions - shown.deletions) + " delete";
        }
    }
}
