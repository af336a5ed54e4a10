package io.tenantctl.profile;

import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import java.util.List;

/** What a step does to the world. */
public interface Effects {

    /** Does the step; returns its side effects in words. The step must have passed its precondition. */
    List<String> apply(Step step, MutableWorld world);
}
