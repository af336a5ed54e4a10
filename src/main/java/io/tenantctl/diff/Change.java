package io.tenantctl.diff;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import java.util.List;
import java.util.Optional;

/** What happens to one object, with the fields that change. */
public record Change(
        ChangeAction action,
        ObjectRef ref,
        Optional<WorldObject> before,
        Optional<WorldObject> after,
        List<FieldChange> fields) {

    public Change {
        fields = List.copyOf(fields);
    }
}
