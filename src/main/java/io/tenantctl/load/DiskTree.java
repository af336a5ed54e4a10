package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The working tree on disk, and standard input, as a {@link FileTree}. Files keep the names the
 * user gave ({@code manifests/a.yaml}), while directories are walked from their real path, so that
 * {@code -f} naming a symbolic link to a directory reads what the directory holds; a link met
 * inside is resolved by the operating system and followed only when it ends inside the real
 * directory that was named.
 */
final class DiskTree implements FileTree<DiskTree.Place> {

    /** The name diagnostics give standard input. */
    static final String STDIN_NAME = "<stdin>";

    /** Where an entry's bytes are: a path on disk, or standard input. */
    sealed interface Place permits OnDisk, StandardInput {}

    /** A path on disk: for a directory, its real path, which its entries are found under. */
    record OnDisk(Path path) implements Place {}

    /** Standard input, read once. */
    record StandardInput() implements Place {}

    private final Supplier<InputStream> stdin;

    DiskTree(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    @Override
    public Lookup<Place> lookup(String given) {
        Path path = Path.of(given);
        if (Files.isDirectory(path)) {
            try {
                return Lookup.found(
                        new Entry<>(name(path), path.toString(), Kind.DIRECTORY, new OnDisk(path.toRealPath())));
            } catch (IOException e) {
                return Lookup.refused(Diagnostic.error(
                        Codes.YAML, "cannot read directory: " + e.getMessage(), Location.of(path.toString(), 1, 1)));
            }
        }
        if (Files.exists(path)) {
            return Lookup.found(new Entry<>(name(path), path.toString(), Kind.FILE, new OnDisk(path)));
        }
        return Lookup.missing();
    }

    @Override
    public Lookup<Place> standardInput() {
        return Lookup.found(new Entry<>(STDIN_NAME, STDIN_NAME, Kind.FILE, new StandardInput()));
    }

    @Override
    public List<Entry<Place>> children(Entry<Place> directory) throws IOException {
        Path real = onDisk(directory);
        Path shown = Path.of(directory.display());
        List<Entry<Place>> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(real)) {
            for (Path child : entries) {
                String name = name(child);
                out.add(new Entry<>(name, shown.resolve(name).toString(), kind(child), new OnDisk(child)));
            }
        }
        return out;
    }

    private static Kind kind(Path child) {
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attrs.isDirectory()
                    ? Kind.DIRECTORY
                    : attrs.isSymbolicLink() ? Kind.LINK : attrs.isRegularFile() ? Kind.FILE : Kind.OTHER;
        } catch (IOException e) {
            return Kind.FILE; // reading it says what is wrong
        }
    }

    @Override
    public Followed<Place> follow(Entry<Place> link, Entry<Place> scope) {
        Path target;
        try {
            target = onDisk(link).toRealPath();
        } catch (IOException e) {
            // A loop is also only an error here: the operating system does not say which.
            return Followed.refused(LinkEnd.BROKEN);
        }
        if (!target.startsWith(onDisk(scope))) {
            return Followed.refused(LinkEnd.OUTSIDE);
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return Followed.refused(LinkEnd.NOT_A_FILE);
        }
        // The target that was checked is what is read, under the link's name.
        return Followed.to(new Entry<>(link.name(), link.display(), Kind.FILE, new OnDisk(target)));
    }

    @Override
    public long size(Entry<Place> file) {
        if (file.handle() instanceof OnDisk disk) {
            try {
                return Files.size(disk.path());
            } catch (IOException e) {
                return 0; // reading it says what is wrong
            }
        }
        return 0;
    }

    @Override
    public byte[] read(Entry<Place> file, int max) throws IOException {
        try (InputStream in = file.handle() instanceof OnDisk disk ? Files.newInputStream(disk.path()) : stdin.get()) {
            return in.readNBytes(max);
        }
    }

    @Override
    public boolean readsConcurrently() {
        return true;
    }

    @Override
    public Diagnostic unreadable(Entry<Place> entry, IOException e) {
        String message = e instanceof NoSuchFileException ? "no such file" : "cannot read: " + e.getMessage();
        return Diagnostic.error(Codes.YAML, message, FolderWalk.start(entry));
    }

    private static Path onDisk(Entry<Place> entry) {
        if (entry.handle() instanceof OnDisk disk) {
            return disk.path();
        }
        throw new IllegalArgumentException(entry.display() + " is not on disk");
    }

    private static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
