package io.tenantctl.step;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A step in its place in a plan.
 *
 * @param index     1-based position
 * @param actor     the account that must be signed in; empty when nobody in particular does it
 * @param authority the authority the actor holds, in words
 * @param effects   what else happens (a transfer lists each co-administrator it removes)
 * @param impact    what the step does that a reviewer must see, from the step and its effects
 * @param temporary a grant the planner added (with {@code --allow-temporary-grants}) because no
 *                  order existed without it, or the step that takes it back before the plan ends
 */
public record PlannedStep(
        int index,
        Step step,
        Optional<String> actor,
        String authority,
        List<Effect> effects,
        Set<Impact> impact,
        boolean temporary) {

    public PlannedStep {
        effects = List.copyOf(effects);
        impact = Impact.setOf(impact);
    }

    /** A step just placed: its impact follows from the step and its effects. */
    public static PlannedStep of(int index, Step step, Optional<String> actor, String authority, List<Effect> effects) {
        return of(index, step, actor, authority, effects, false);
    }

    public static PlannedStep of(
            int index, Step step, Optional<String> actor, String authority, List<Effect> effects, boolean temporary) {
        return new PlannedStep(index, step, actor, authority, effects, Impact.of(step, effects), temporary);
    }

    /** The same step at another place in a plan. */
    public PlannedStep at(int newIndex) {
        return newIndex == index ? this : new PlannedStep(newIndex, step, actor, authority, effects, impact, temporary);
    }

    /** The effects in words, as plans show them. */
    public List<String> effectWords() {
        return effects.stream().map(Effect::words).toList();
    }
}
