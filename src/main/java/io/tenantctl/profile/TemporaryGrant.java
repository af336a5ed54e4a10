package io.tenantctl.profile;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;

/**
 * A role the planner may give an account for part of a plan, when no order exists without it: the
 * step that gives it and the step that takes it back (for a service administrator, the one the
 * manifests want at the end).
 *
 * @param documented the documented way to act rather than a workaround, which the planner uses
 *                   without {@code --allow-temporary-grants} (a global administrator elevating its
 *                   access to manage role assignments, and dropping it before the plan ends)
 */
public record TemporaryGrant(String account, Role role, ObjectRef object, Step grant, Step revoke, boolean documented) {

    public TemporaryGrant(String account, Role role, ObjectRef object, Step grant, Step revoke) {
        this(account, role, object, grant, revoke, false);
    }
}
