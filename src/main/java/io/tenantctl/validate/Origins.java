package io.tenantctl.validate;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.load.Document;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.rules.Violation;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Which document each object came from, and so where a violation about it is written. An object
 * the manifests do not declare (it lives only in the state) has no location; its messages name it.
 */
public final class Origins {

    private final Map<ObjectRef, Document> documents = new HashMap<>();

    public static Origins none() {
        return new Origins();
    }

    void put(ObjectRef ref, Document document) {
        documents.putIfAbsent(ref, document);
    }

    public Optional<Document> document(ObjectRef ref) {
        return Optional.ofNullable(documents.get(ref));
    }

    /** The source of each declared object, for recording where an apply took it from. */
    public Optional<String> file(ObjectRef ref) {
        return document(ref).map(Document::file);
    }

    public Location locate(ObjectRef ref, String pointer, Optional<String> element) {
        Document document = documents.get(ref);
        if (document == null) {
            return Location.NONE;
        }
        if (element.isPresent()) {
            JsonNode list = document.root().at(pointer);
            if (list.isArray()) {
                String wanted = element.get();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).isString() && Names.key(list.get(i).stringValue()).equals(wanted)) {
                        return document.locateValue(pointer + "/" + i);
                    }
                }
                // The entry is not written (it is being removed): point at the list's key.
                return document.locateEntry(pointer);
            }
        }
        return document.locateValue(pointer);
    }

    public Diagnostic toDiagnostic(Violation v) {
        return new Diagnostic(v.severity(), v.code(), v.message(), locate(v.subject(), v.pointer(), v.element()));
    }

    public List<Diagnostic> toDiagnostics(Collection<Violation> violations) {
        return violations.stream().map(this::toDiagnostic).toList();
    }
}
