package io.tenantctl.load;

import io.tenantctl.diag.Diagnostic;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A tree of files as {@link FolderWalk} sees it: the working tree on disk ({@link DiskTree}) or
 * the tree of one git commit ({@link GitTree}). A tree only answers questions (what a path names,
 * what a directory holds, where a link ends, what a file holds); what is read, and what is
 * refused, the walk decides for both alike.
 *
 * @param <H> how the tree finds an entry again (a path on disk, a git object id)
 */
interface FileTree<H> {

    /** What an entry is. */
    enum Kind {
        DIRECTORY,
        FILE,
        LINK,
        /** A git submodule: its files are in another repository. */
        SUBMODULE,
        /** Anything else (a device, a pipe): never read from inside a directory. */
        OTHER
    }

    /**
     * One entry of the tree.
     *
     * @param name    its own name, without the folder
     * @param display the name diagnostics and documents locate it by
     */
    record Entry<H>(String name, String display, Kind kind, H handle) {}

    /** What a {@code -f} path names: an entry, nothing at all, or a refusal that says why. */
    record Lookup<H>(Optional<Entry<H>> entry, Optional<Diagnostic> refusal) {

        static <H> Lookup<H> found(Entry<H> entry) {
            return new Lookup<>(Optional.of(entry), Optional.empty());
        }

        static <H> Lookup<H> missing() {
            return new Lookup<>(Optional.empty(), Optional.empty());
        }

        static <H> Lookup<H> refused(Diagnostic why) {
            return new Lookup<>(Optional.empty(), Optional.of(why));
        }
    }

    /** Where a symbolic link ends. */
    enum LinkEnd {
        /** At a regular file inside the folder: it is read under the link's name. */
        FILE(""),
        OUTSIDE("symbolic link points outside the manifest directory; it is not read"),
        BROKEN("broken symbolic link; it is not read"),
        NOT_A_FILE("symbolic link does not point to a file; it is not read"),
        LOOP("symbolic link loop; it is not read");

        final String refusal;

        LinkEnd(String refusal) {
            this.refusal = refusal;
        }
    }

    /** A followed link: where it ends and, at a file, that file under the link's name. */
    record Followed<H>(LinkEnd end, Optional<Entry<H>> file) {

        static <H> Followed<H> to(Entry<H> file) {
            return new Followed<>(LinkEnd.FILE, Optional.of(file));
        }

        static <H> Followed<H> refused(LinkEnd end) {
            return new Followed<>(end, Optional.empty());
        }
    }

    /** What a {@code -f} path names. */
    Lookup<H> lookup(String given);

    /** Standard input ({@code -f -}): a file to read, or why there is none in this tree. */
    Lookup<H> standardInput();

    /** The entries of a directory, in any order. */
    List<Entry<H>> children(Entry<H> directory) throws IOException;

    /** Where a link found while walking the directory {@code scope} ends. */
    Followed<H> follow(Entry<H> link, Entry<H> scope) throws IOException;

    /** A file's size before it is read (0 when the tree cannot know it in advance). */
    long size(Entry<H> file) throws IOException;

    /** At most {@code max} bytes of a file. */
    byte[] read(Entry<H> file, int max) throws IOException;

    /** Whether files may be read by several threads at once. */
    boolean readsConcurrently();

    /** How this tree says that an entry could not be read. */
    Diagnostic unreadable(Entry<H> entry, IOException e);
}
