package io.tenantctl.cli;

import io.tenantctl.render.ManifestTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a tree of manifest files under a folder (created), one file's text at a time: what
 * {@code export --out} and {@code generate} share. {@link ManifestTree} decides the files and their
 * content; this only puts them on disk.
 */
public final class ManifestFolder {

    private ManifestFolder() {}

    /** Writes the files under {@code dir}; returns how many. */
    public static int write(Path dir, List<ManifestTree.File> files) throws IOException {
        for (ManifestTree.File file : files) {
            Path path = dir.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.text(), StandardCharsets.UTF_8);
        }
        return files.size();
    }
}
