package io.tenantctl.diff;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import java.util.List;
import java.util.Optional;

/**
 * What happens to one object, with the fields that change.
 *
 * <p>The fields of an object being created or deleted are all of its fields; they are derived
 * from the object when asked for rather than kept, because a first apply creates every object and
 * keeping them twice would double the memory of a large plan.
 */
public record Change(
        ChangeAction action,
        ObjectRef ref,
        Optional<WorldObject> before,
        Optional<WorldObject> after,
        List<FieldChange> fields) {

    public Change {
        fields = List.copyOf(fields);
    }

    @Override
    public List<FieldChange> fields() {
        if (!fields.isEmpty()) {
            return fields;
        }
        return switch (action) {
            case CREATE -> after.map(o -> Differ.fields(null, o)).orElse(fields);
            case DELETE -> before.map(o -> Differ.fields(o, null)).orElse(fields);
            case UPDATE, UNCHANGED, KEEP -> fields;
        };
    }
}
