package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The tree of one git commit as a {@link FileTree}, read from the object database: paths are
 * taken from the top of the repository, entries are shown under their repository path, and
 * nothing is ever read from the file system but the repository's own objects.
 *
 * <p>A symbolic link (mode 120000) is only text in a commit, so it is resolved here by hand: its
 * target, taken relative to the link inside the tree, must stay inside the walked directory at
 * every hop (chains of links are followed a few hops) and end at a regular file of the same
 * commit. Absolute targets are outside; a target reached only through a linked directory is
 * refused as broken, the safe side of what a checkout would do. Sizes come from the objects'
 * headers, so a blob over a limit is refused without being inflated. Blobs are read raw: no
 * clean/smudge filters and no Git LFS (an LFS pointer is read as the pointer text and fails as
 * YAML). Not safe for several threads: JGit's reader is not.
 */
final class GitTree implements FileTree<ObjectId> {

    /** Longest symbolic link target read (Linux's PATH_MAX); a longer one is refused unread. */
    private static final int MAX_LINK_BYTES = 4096;
    /** Links to links are followed this many hops, then refused as a loop. */
    private static final int MAX_LINK_HOPS = 8;

    private final ObjectReader reader;
    private final RevTree root;

    GitTree(ObjectReader reader, RevTree root) {
        this.reader = reader;
        this.root = root;
    }

    @Override
    public Lookup<ObjectId> lookup(String given) {
        String path = normalize(given);
        if (path == null) {
            return Lookup.refused(Diagnostic.error(
                    Codes.YAML,
                    "path must be relative to the top of the repository and stay inside it: " + given,
                    Location.of(given, 1, 1)));
        }
        if (path.isEmpty()) {
            return Lookup.found(new Entry<>("", "", Kind.DIRECTORY, root));
        }
        try (TreeWalk entry = TreeWalk.forPath(reader, path, root)) {
            if (entry == null) {
                return Lookup.missing();
            }
            return Lookup.found(
                    new Entry<>(entry.getNameString(), path, kind(entry.getRawMode(0)), entry.getObjectId(0)));
        } catch (IOException e) {
            return Lookup.refused(unreadable(new Entry<>(given, path, Kind.OTHER, root), e));
        }
    }

    @Override
    public Lookup<ObjectId> standardInput() {
        return Lookup.refused(Diagnostic.error(
                Codes.GIT, "standard input (-f -) cannot be read from a git commit; name files or directories"));
    }

    @Override
    public List<Entry<ObjectId>> children(Entry<ObjectId> directory) throws IOException {
        String prefix = directory.display();
        List<Entry<ObjectId>> out = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(directory.handle());
            tree.setRecursive(false);
            while (tree.next()) {
                String name = tree.getNameString();
                out.add(new Entry<>(
                        name,
                        prefix.isEmpty() ? name : prefix + "/" + name,
                        kind(tree.getRawMode(0)),
                        tree.getObjectId(0)));
            }
        }
        return out;
    }

    private static Kind kind(int mode) {
        if (FileMode.TREE.equals(mode)) {
            return Kind.DIRECTORY;
        }
        if (FileMode.GITLINK.equals(mode)) {
            return Kind.SUBMODULE;
        }
        if (FileMode.SYMLINK.equals(mode)) {
            return Kind.LINK;
        }
        return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode) ? Kind.FILE : Kind.OTHER;
    }

    @Override
    public Followed<ObjectId> follow(Entry<ObjectId> link, Entry<ObjectId> scope) throws IOException {
        String within = scope.display();
        String current = link.display();
        ObjectId id = link.handle();
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            if (reader.getObjectSize(id, Constants.OBJ_BLOB) > MAX_LINK_BYTES) {
                return Followed.refused(LinkEnd.BROKEN);
            }
            String target = new String(
                    reader.open(id, Constants.OBJ_BLOB).getCachedBytes(MAX_LINK_BYTES), StandardCharsets.UTF_8);
            String parent = current.contains("/") ? current.substring(0, current.lastIndexOf('/')) : "";
            String resolved = target.isEmpty() || target.startsWith("/")
                    ? null
                    : normalize(parent.isEmpty() ? target : parent + "/" + target);
            if (resolved == null || !(within.isEmpty() ? !resolved.isEmpty() : resolved.startsWith(within + "/"))) {
                return Followed.refused(LinkEnd.OUTSIDE);
            }
            // forPath does not pass through a linked directory, so a target reached only that way
            // is refused as broken.
            try (TreeWalk entry = TreeWalk.forPath(reader, resolved, root)) {
                if (entry == null) {
                    return Followed.refused(LinkEnd.BROKEN);
                }
                Kind kind = kind(entry.getRawMode(0));
                if (kind == Kind.FILE) {
                    return Followed.to(new Entry<>(link.name(), link.display(), Kind.FILE, entry.getObjectId(0)));
                }
                if (kind != Kind.LINK) {
                    return Followed.refused(LinkEnd.NOT_A_FILE);
                }
                current = resolved;
                id = entry.getObjectId(0);
            }
        }
        return Followed.refused(LinkEnd.LOOP);
    }

    @Override
    public long size(Entry<ObjectId> file) throws IOException {
        return reader.getObjectSize(file.handle(), Constants.OBJ_BLOB);
    }

    @Override
    public byte[] read(Entry<ObjectId> file, int max) throws IOException {
        try {
            // Refuses an object larger than max, in case its header lied.
            return reader.open(file.handle(), Constants.OBJ_BLOB).getCachedBytes(max);
        } catch (RuntimeException e) {
            throw new IOException(GitManifestSource.message(e), e);
        }
    }

    @Override
    public boolean readsConcurrently() {
        return false; // JGit's object reader is for one thread
    }

    @Override
    public Diagnostic unreadable(Entry<ObjectId> entry, IOException e) {
        String message = e instanceof MissingObjectException
                ? "object " + entry.handle().name() + " is missing from the repository (a partial or shallow clone?)"
                : "cannot read from git: " + GitManifestSource.message(e);
        return Diagnostic.error(Codes.GIT, message, FolderWalk.start(entry));
    }

    /**
     * A repository path without {@code .}, empty segments or trailing slash ("" for the top), or
     * {@code null} when it is absolute or its {@code ..} segments climb above the top.
     */
    static String normalize(String path) {
        if (path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }
}
