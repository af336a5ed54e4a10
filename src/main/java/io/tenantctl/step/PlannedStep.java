package io.tenantctl.step;

import java.util.List;
import java.util.Optional;

/**
 * A step in its place in a plan.
 *
 * @param index     1-based position
 * @param actor     the account that must be signed in; empty when nobody in particular does it
 * @param authority the authority the actor holds, in words
 * @param effects   what else happens, in words (a transfer lists each co-administrator it removes)
 */
public record PlannedStep(int index, Step step, Optional<String> actor, String authority, List<String> effects) {

    public PlannedStep {
        effects = List.copyOf(effects);
    }
}
