package io.tenantctl.engine;

import io.tenantctl.diag.Diagnostics;
import io.tenantctl.validate.DesiredState;
import java.util.Map;

/**
 * The result of reading and checking manifests: the desired objects, every problem, and where the
 * manifests came from ({@code paths}; read from git, also the {@code ref} and resolved {@code commit}).
 */
public record Validation(DesiredState desired, Diagnostics diagnostics, Map<String, String> source) {

    public Validation {
        source = Map.copyOf(source);
    }

    public boolean ok() {
        return !diagnostics.hasErrors();
    }
}
