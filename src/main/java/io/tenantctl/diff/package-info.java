/**
 * What differs between the desired objects and the live world, per object and per field, for
 * review; and the checks that only a comparison can make (fields that may never change).
 * The executable order of steps is the planner's job, not this package's.
 */
package io.tenantctl.diff;
