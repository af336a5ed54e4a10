package io.tenantctl.profile;

import io.tenantctl.step.Effect;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import java.util.List;

/** What a step does to the world. */
public interface Effects {

    /** Does the step; returns its side effects. The step must have passed its precondition. */
    List<Effect> apply(Step step, MutableWorld world);
}
