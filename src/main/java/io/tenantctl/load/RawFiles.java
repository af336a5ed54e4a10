package io.tenantctl.load;

import io.tenantctl.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ManifestSource} yields for the {@code -f} paths: the files within the limits, in a
 * stable order, every problem met finding and reading them, and, read from git, the full id of
 * the commit the ref resolved to.
 */
public record RawFiles(List<RawFile> files, List<Diagnostic> diagnostics, Optional<String> commitId) {

    public RawFiles {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}
