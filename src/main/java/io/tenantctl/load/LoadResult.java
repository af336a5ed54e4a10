package io.tenantctl.load;

import io.tenantctl.diag.Diagnostic;
import java.util.List;

/** The documents that could be read, in a stable order, and every problem met on the way. */
public record LoadResult(List<Document> documents, List<Diagnostic> diagnostics) {

    public LoadResult {
        documents = List.copyOf(documents);
        diagnostics = List.copyOf(diagnostics);
    }
}
