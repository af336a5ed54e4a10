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
 */
public record PlannedStep(
        int index, Step step, Optional<String> actor, String authority, List<Effect> effects, Set<Impact> impact) {

    public PlannedStep {
        effects = List.copyOf(effects);
        impact = Impact.setOf(impact);
    }

    /** A step just placed: its impact follows from the step and its effects. */
    public static PlannedStep of(int index, Step step, Optional<String> actor, String authority, List<Effect> effects) {
        return new PlannedStep(index, step, actor, authority, effects, Impact.of(step, effects));
    }

    /** The effects in words, as plans show them. */
    public List<String> effectWords() {
        return effects.stream().map(Effect::words).toList();
    }
}
