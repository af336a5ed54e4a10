package io.tenantctl.plan;

import io.tenantctl.profile.Profile;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import io.tenantctl.world.Key;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A step placed by the scheduler: which pending step, the step as bound to its actor (what was
 * done), and as the plan shows it (its index is given at the end).
 */
record Placement(Pending pending, Step bound, PlannedStep step) {

    /**
     * Does the placed steps again on the world, their effects only (they were proved already),
     * telling for each, by its position, every piece of the world it changes.
     */
    static void changes(Profile profile, MutableWorld world, List<Placement> placed, BiConsumer<Integer, Key> changed) {
        int[] at = {0};
        world.track(Tracker.ofChanges(key -> changed.accept(at[0], key)));
        try {
            for (; at[0] < placed.size(); at[0]++) {
                profile.effects().apply(placed.get(at[0]).bound(), world);
            }
        } finally {
            world.track(null);
        }
    }

    /** The steps numbered from 1 in this order. */
    static List<PlannedStep> numbered(List<Placement> placements) {
        List<PlannedStep> out = new ArrayList<>(placements.size());
        for (Placement p : placements) {
            out.add(p.step().at(out.size() + 1));
        }
        return out;
    }
}
