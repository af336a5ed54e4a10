package io.tenantctl.cli;

import io.tenantctl.render.ManifestTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a tree of manifest files under a folder (created), one file's text at a time: what
 * {@code export --out} and {@code generate} share. {@link ManifestTree} decides the files and their
 * content; this only puts them on disk.
 *
 * <p>A folder that already holds files is refused: the files of an earlier export that the new one
 * does not write again (a tenant deleted since) would stay and be planned as if still wanted.
 * Told to replace, it deletes the manifest files already there ({@code .yaml}, {@code .yml},
 * {@code .json}, outside hidden folders such as {@code .git}, as {@code -f} finds them) and leaves
 * every other file alone.
 */
public final class ManifestFolder {

    private ManifestFolder() {}

    /** What was written: how many files, and how many older manifest files were deleted first. */
    public record Written(int files, int replaced) {}

    /** Writes the files under a new or empty folder {@code dir}; returns how many. */
    public static int write(Path dir, List<ManifestTree.File> files) throws IOException {
        return write(dir, files, false).files();
    }

    /** Writes the files under {@code dir}; refuses a folder with files in it unless {@code replace}. */
    public static Written write(Path dir, List<ManifestTree.File> files, boolean replace) throws IOException {
        int replaced = 0;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                long held = entries.count();
                if (held > 0 && !replace) {
                    throw new FileAlreadyExistsException(
                            dir.toString(),
                            null,
                            "the folder already holds " + held + (held == 1 ? " entry" : " entries")
                                    + "; pass --force to replace the manifest files in it, or choose an empty folder");
                }
            }
            TreeSet<Path> emptied = new TreeSet<>(Comparator.reverseOrder());
            for (Path old : manifests(dir)) {
                Files.delete(old);
                replaced++;
                for (Path up = old.getParent(); up != null && !up.equals(dir); up = up.getParent()) {
                    emptied.add(up);
                }
            }
            // Folders the deleted files leave empty go too, deepest first, so that no empty folder of
            // a tenant deleted since stays behind.
            for (Path folder : emptied) {
                try (Stream<Path> left = Files.list(folder)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        }
        for (ManifestTree.File file : files) {
            Path path = dir.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.text(), StandardCharsets.UTF_8);
        }
        return new Written(files.size(), replaced);
    }

    /** The manifest files under a folder, as -f would find them (hidden names skipped). */
    private static List<Path> manifests(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                Path relative = dir.relativize(path);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!hidden
                        && Files.isRegularFile(path)
                        && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
                    out.add(path);
                }
            }
        }
        return out;
    }
}
