package io.tenantctl.plan;

import io.tenantctl.step.Op;
import io.tenantctl.step.Step;
import io.tenantctl.step.Subject;
import java.util.Optional;

/**
 * Where in the manifests a step comes from, so that a step that cannot be planned is reported at
 * the line that asked for it: the field its operation names, and for a list the entry concerned.
 */
final class Causes {

    private Causes() {}

    /** A JSON Pointer into the target's manifest, and the list entry concerned if any. */
    record Cause(String pointer, Optional<String> element) {}

    static Cause of(Step step) {
        Op.ManifestField field = step.op().field();
        if (!field.perEntry()) {
            return new Cause(field.pointer(), Optional.empty());
        }
        if (step.subject() instanceof Subject.Domain d) {
            return new Cause(field.pointer(), Optional.of(d.domain()));
        }
        return new Cause(field.pointer(), step.accountKey());
    }
}
