package io.tenantctl.engine;

import io.tenantctl.diag.Diagnostics;
import io.tenantctl.validate.DesiredState;

/** The result of reading and checking manifests: the desired objects and every problem. */
public record Validation(DesiredState desired, Diagnostics diagnostics) {

    public boolean ok() {
        return !diagnostics.hasErrors();
    }
}
