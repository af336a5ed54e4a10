package io.tenantctl.plan;

import io.tenantctl.step.Step;
import java.util.Optional;

/**
 * Where in the manifests a step comes from, so that a step that cannot be planned is reported at
 * the line that asked for it. This is about the manifest format, not about any era of the world.
 */
final class Causes {

    private Causes() {}

    /** A JSON Pointer into the target's manifest, and the list entry concerned if any. */
    record Cause(String pointer, Optional<String> element) {}

    static Cause of(Step step) {
        return switch (step.op()) {
            case CREATE_TENANT,
                    CREATE_ACCOUNT,
                    CREATE_SUBSCRIPTION,
                    DELETE_TENANT,
                    DELETE_ACCOUNT,
                    DELETE_SUBSCRIPTION -> new Cause("/metadata/name", Optional.empty());
            case UPDATE_TENANT, UPDATE_ACCOUNT, UPDATE_SUBSCRIPTION -> new Cause("/spec/displayName", Optional.empty());
            case ADD_DOMAIN, REMOVE_DOMAIN -> new Cause("/spec/domains", step.domain());
            case ADD_GLOBAL_ADMIN, REMOVE_GLOBAL_ADMIN -> new Cause("/spec/globalAdministrators", step.accountKey());
            case TRANSFER_SUBSCRIPTION -> new Cause("/spec/tenant", Optional.empty());
            case SET_SERVICE_ADMIN -> new Cause("/spec/serviceAdministrator", Optional.empty());
            case ADD_CO_ADMIN, REMOVE_CO_ADMIN -> new Cause("/spec/coAdministrators", step.accountKey());
        };
    }
}
