package io.tenantctl.load;

import java.util.List;

/**
 * Where manifests come from: the working tree and standard input ({@link WorkingTree}) or one git
 * commit ({@link GitManifestSource}). Either yields raw files for the {@code -f} paths, found by
 * the one folder-walking policy ({@link FolderWalk}: extensions, recursion, hidden names, links
 * that leave the folder, limits); {@link ManifestLoader} parses them alike.
 */
public interface ManifestSource {

    /** The files the {@code -f} paths name, read within the limits; never throws for bad input. */
    RawFiles read(List<String> paths);
}
