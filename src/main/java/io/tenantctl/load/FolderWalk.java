package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.load.FileTree.Entry;
import io.tenantctl.load.FileTree.Followed;
import io.tenantctl.load.FileTree.Lookup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which files the {@code -f} paths name, and which of them are read: the one policy of every
 * manifest source, whatever tree it walks.
 *
 * <p>A path may name a file (read whatever its extension), a directory (searched recursively for
 * {@code .yaml}, {@code .yml} and {@code .json}, names starting with {@code .} skipped, in sorted
 * order) or {@code -} for standard input, where the tree has one. A symbolic link met inside a
 * directory is followed only when it ends at a regular file inside that directory: a pull request
 * must not be able to make the tool read {@code /etc/passwd} by committing a link. A link named
 * directly is refused where the tree keeps links as entries (in a commit its target is by
 * definition outside the path named); on disk the path the user typed is resolved as the shell
 * would. A submodule is refused rather than skipped quietly: a plan that silently lacked its files
 * would propose deleting what they declare.
 *
 * <p>The {@link Limits} on the number of files, their total size and each one's size are checked
 * against the sizes the tree knows before any content is read, and each file is read no further
 * than its limit. Every problem is a diagnostic located at the file; nothing here throws.
 */
final class FolderWalk<H> {

    /** The {@code -f} path that means standard input. */
    static final String STDIN = "-";

    private final FileTree<H> tree;
    private final Limits limits;
    private final List<Diagnostic> problems;
    private final List<Entry<H>> found = new ArrayList<>();

    private FolderWalk(FileTree<H> tree, Limits limits, List<Diagnostic> problems) {
        this.tree = tree;
        this.limits = limits;
        this.problems = problems;
    }

    /** The files {@code paths} name in {@code tree}, read within the limits; problems go to {@code problems}. */
    static <H> List<RawFile> read(FileTree<H> tree, Limits limits, List<String> paths, List<Diagnostic> problems) {
        FolderWalk<H> walk = new FolderWalk<>(tree, limits, problems);
        for (String given : paths) {
            walk.collect(given);
            if (walk.full()) {
                // As soon as there are too many: a tree of a million entries is not walked to the end to say so.
                problems.add(Diagnostic.error(
                        Codes.YAML, "more than " + limits.maxFiles() + " manifest files; split the run"));
                return List.of();
            }
        }
        return walk.readFound();
    }

    private boolean full() {
        return found.size() > limits.maxFiles();
    }

    private void collect(String given) {
        Lookup<H> lookup = STDIN.equals(given) ? tree.standardInput() : tree.lookup(given);
        if (lookup.refusal().isPresent()) {
            problems.add(lookup.refusal().get());
            return;
        }
        if (lookup.entry().isEmpty()) {
            problems.add(Diagnostic.error(Codes.NO_SUCH_FILE, "no such file or directory: " + given));
            return;
        }
        Entry<H> entry = lookup.entry().get();
        switch (entry.kind()) {
            case DIRECTORY -> {
                List<Entry<H>> under = new ArrayList<>();
                walk(entry, entry, under);
                under.sort(Comparator.comparing(Entry::display));
                found.addAll(under);
            }
            case FILE -> found.add(entry);
            case LINK -> problems.add(refusal(FileTree.LinkEnd.OUTSIDE.refusal, entry));
            case SUBMODULE -> problems.add(submodule(entry));
            case OTHER -> {
                // nothing a manifest could be
            }
        }
    }

    /** Adds the manifests under {@code directory} to {@code under}, stopping once there are too many. */
    private void walk(Entry<H> directory, Entry<H> scope, List<Entry<H>> under) {
        List<Entry<H>> children;
        try {
            children = tree.children(directory);
        } catch (IOException e) {
            problems.add(tree.unreadable(directory, e));
            return;
        }
        for (Entry<H> child : children) {
            if (found.size() + under.size() > limits.maxFiles()) {
                return;
            }
            if (child.name().startsWith(".")) {
                continue;
            }
            switch (child.kind()) {
                case DIRECTORY -> walk(child, scope, under);
                case SUBMODULE -> problems.add(submodule(child));
                case FILE -> {
                    if (isManifestName(child.name())) {
                        under.add(child);
                    }
                }
                case LINK -> {
                    if (isManifestName(child.name())) {
                        follow(child, scope, under);
                    }
                }
                case OTHER -> {
                    // a device or a pipe inside a folder is never a manifest
                }
            }
        }
    }

    private void follow(Entry<H> link, Entry<H> scope, List<Entry<H>> under) {
        Followed<H> followed;
        try {
            followed = tree.follow(link, scope);
        } catch (IOException e) {
            problems.add(tree.unreadable(link, e));
            return;
        }
        if (followed.file().isPresent()) {
            under.add(followed.file().get());
        } else {
            problems.add(refusal(followed.end().refusal, link));
        }
    }

    /** The one test of which names a directory search picks up. */
    static boolean isManifestName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /**
     * Reads what was found, in order, within the limits on total and per-file size. The sizes are
     * checked in order first; the files that fit are then read, in parallel where the tree allows.
     */
    private List<RawFile> readFound() {
        List<Entry<H>> admitted = new ArrayList<>();
        long total = 0;
        for (Entry<H> entry : found) {
            long size;
            try {
                size = tree.size(entry);
            } catch (IOException e) {
                problems.add(tree.unreadable(entry, e));
                continue;
            }
            total += size;
            if (total > limits.maxTotalBytes()) {
                problems.add(Diagnostic.error(
                        Codes.YAML,
                        "manifests total more than " + limits.maxTotalBytes() + " bytes; the rest is not read",
                        start(entry)));
                break;
            }
            if (size > limits.maxFileBytes()) {
                problems.add(tooBig(entry, String.valueOf(size)));
            } else {
                admitted.add(entry);
            }
        }
        Stream<Entry<H>> reading = tree.readsConcurrently() ? admitted.parallelStream() : admitted.stream();
        List<Read> reads = reading.map(this::read).toList();
        List<RawFile> files = new ArrayList<>();
        for (Read read : reads) {
            read.file().ifPresent(files::add);
            read.problem().ifPresent(problems::add);
        }
        return files;
    }

    /** One file read, or why not. */
    private record Read(Optional<RawFile> file, Optional<Diagnostic> problem) {}

    private Read read(Entry<H> entry) {
        int max = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes());
        try {
            // One byte past the limit tells a file that grew (or standard input, whose size is not
            // known before) from one that fits.
            byte[] bytes = tree.read(entry, max + 1);
            if (bytes.length > max) {
                return new Read(Optional.empty(), Optional.of(tooBig(entry, "more than " + limits.maxFileBytes())));
            }
            return new Read(Optional.of(new RawFile(entry.display(), bytes)), Optional.empty());
        } catch (IOException e) {
            return new Read(Optional.empty(), Optional.of(tree.unreadable(entry, e)));
        }
    }

    private Diagnostic tooBig(Entry<H> entry, String size) {
        return Diagnostic.error(
                Codes.YAML,
                "file is " + size + " bytes; the limit is " + limits.maxFileBytes() + " bytes per file",
                start(entry));
    }

    private static Diagnostic submodule(Entry<?> entry) {
        return refusal("submodule; its files are not in this commit and are not read", entry);
    }

    private static Diagnostic refusal(String message, Entry<?> entry) {
        return Diagnostic.error(Codes.YAML, message, start(entry));
    }

    static Location start(Entry<?> entry) {
        return Location.of(entry.display(), 1, 1);
    }
}
