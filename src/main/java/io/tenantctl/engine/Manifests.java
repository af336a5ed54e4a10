package io.tenantctl.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which manifests a run reads: {@code -f} paths in the working tree, or, with a git ref, the same
 * paths inside the tree of that commit of a repository.
 */
public record Manifests(List<String> paths, Optional<String> gitRef, Optional<Path> repository) {

    public Manifests {
        paths = List.copyOf(paths);
    }

    /** Where they come from, as plans and the history record it; the commit is added once it is known. */
    public Map<String, String> source() {
        Map<String, String> source = new TreeMap<>();
        source.put("paths", String.join(",", paths));
        gitRef.ifPresent(ref -> source.put("ref", ref));
        return source;
    }
}
