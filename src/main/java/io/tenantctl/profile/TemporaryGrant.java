package io.tenantctl.profile;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;

/**
 * A role the planner may give an account for part of a plan, when no order exists without it: the
 * step that gives it and the step that takes it back (for a service administrator, the one the
 * manifests want at the end).
 */
public record TemporaryGrant(String account, Role role, ObjectRef object, Step grant, Step revoke) {}
