package io.tenantctl.validate;

import io.tenantctl.model.WorldObject;
import java.util.List;
import java.util.Set;

/**
 * The objects the manifests declare, each once, and where each was declared.
 *
 * @param unreadable names (object names and normalised sign-in names) of documents that failed
 *                   their schema: references to them are not reported again as unknown
 */
public record DesiredState(List<WorldObject> objects, Origins origins, Set<String> unreadable) {

    public DesiredState {
        objects = List.copyOf(objects);
        unreadable = Set.copyOf(unreadable);
    }
}
