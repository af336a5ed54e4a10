package io.tenantctl.plan;

import io.tenantctl.step.Step;

/**
 * A step waiting to be scheduled.
 *
 * @param rank      its place in the order of preference (the profile's priority, then canonical order)
 * @param temporary a temporary grant, or the revoke that ends one
 * @param follows   for the revoke of a temporary grant, the rank of the grant it must come after; -1
 */
record Pending(int rank, Step step, boolean temporary, int follows) {

    static Pending of(int rank, Step step) {
        return new Pending(rank, step, false, -1);
    }
}
