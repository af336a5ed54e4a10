package io.tenantctl.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which manifests a run reads: {@code -f} paths in the working tree, or, with a git ref, the same
 * paths inside the tree of that commit of a repository.
 *
 * @param allowEmpty a set that declares no object is what is meant (otherwise it is an error)
 */
public record Manifests(List<String> paths, Optional<String> gitRef, Optional<Path> repository, boolean allowEmpty) {

    /** Manifests that must declare at least one object. */
    public Manifests(List<String> paths, Optional<String> gitRef, Optional<Path> repository) {
        this(paths, gitRef, repository, false);
    }

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
