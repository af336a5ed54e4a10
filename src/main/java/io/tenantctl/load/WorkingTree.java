package io.tenantctl.load;

import io.tenantctl.diag.Diagnostic;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Manifests from the working tree: files and directories on disk, and standard input for
 * {@code -f -}, found and read by the {@link FolderWalk} policy.
 */
public final class WorkingTree implements ManifestSource {

    private final Limits limits;
    private final DiskTree tree;

    /** @param stdin standard input, asked for only when a path is {@code -} */
    public WorkingTree(Limits limits, Supplier<InputStream> stdin) {
        this.limits = limits;
        this.tree = new DiskTree(stdin);
    }

    @Override
    public RawFiles read(List<String> paths) {
        List<Diagnostic> problems = new ArrayList<>();
        List<RawFile> files = FolderWalk.read(tree, limits, paths, problems);
        return new RawFiles(files, problems, Optional.empty());
    }
}
