package io.tenantctl.validate;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.load.SourceMap;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.rules.Violation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which document each object came from, and so where a violation about it is written. An object
 * the manifests do not declare (it lives only in the state) has no location; its messages name it.
 */
public final class Origins {

    private final Map<ObjectRef, SourceMap> documents = new HashMap<>();

    public static Origins none() {
        return new Origins();
    }

    /** Keeps where the object was declared. */
    void put(ObjectRef ref, SourceMap map) {
        documents.putIfAbsent(ref, map);
    }

    /** The file each declared object came from. */
    public Optional<String> file(ObjectRef ref) {
        return Optional.ofNullable(documents.get(ref)).map(SourceMap::file);
    }

    public Location locate(ObjectRef ref, String pointer, Optional<String> element) {
        SourceMap map = documents.get(ref);
        if (map == null) {
            return Location.NONE;
        }
        if (element.isPresent() && map.isList(pointer)) {
            String wanted = element.get();
            // An entry that is not written (it is being removed) is pointed at by the list's key.
            return map.locateElement(pointer, text -> Names.key(text).equals(wanted))
                    .orElseGet(() -> map.locateEntry(pointer));
        }
        return map.locateValue(pointer);
    }

    public Diagnostic toDiagnostic(Violation v) {
        return new Diagnostic(v.severity(), v.code(), v.message(), locate(v.subject(), v.pointer(), v.element()));
    }
}
