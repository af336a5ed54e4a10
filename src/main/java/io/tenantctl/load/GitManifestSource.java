package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads manifests straight out of one git commit ({@code plan -f manifests/ --git-ref origin/main}),
 * from the object database, without a checkout: uncommitted edits and untracked files are never
 * seen, so a plan made from a ref shows exactly what that commit declares.
 *
 * <p>The {@code -f} paths work as {@link ManifestLoader}'s do in a working tree: a directory is
 * searched recursively for {@code .yaml}, {@code .yml} and {@code .json} (names starting with
 * {@code .} skipped, files in sorted order), a file is read whatever its extension, and a path not
 * in the commit is a {@code yaml} diagnostic at {@code PATH:1:1}. Standard input ({@code -}) has no
 * place in a commit and is refused. Paths are taken from the top of the repository (as in
 * {@code git show REF:PATH}), not from the current directory: they then mean the same whichever
 * folder the command runs in and whatever {@code --repo} says.
 *
 * <p><b>Display names</b> are the plain repository-relative path ({@code manifests/contoso.yaml}),
 * with no {@code REF:} prefix: CI annotations, editors and {@code file:line:column} jumps all take a
 * path relative to the repository root, and in a pull request that is the file being changed. The
 * commit the files came from is returned once, as {@link GitRead#commitId()}, for the caller to
 * record.
 *
 * <p><b>Untrusted commits.</b> The commit may come from a pull request, so nothing outside the named
 * paths is read. A symbolic link (mode 120000) is only text in a commit; it is followed only when
 * its target, taken relative to the link inside the tree, stays inside the {@code -f} directory
 * and is a regular file of the same commit (chains of links are followed a few hops, each hop
 * held to the same rule). Absolute targets, targets leaving the directory, dangling links and
 * links through a linked directory are refused with a located diagnostic; a link named directly
 * by {@code -f} is refused too, since its target is by definition outside the path named. Nothing
 * is ever read from the file system but the repository's own objects. Submodules (gitlinks) are
 * refused with an error rather than skipped quietly: their files are not in this commit, and a plan
 * that silently lacked them would propose deleting what they declare. The {@link Limits} on file
 * count, file size and total size are checked against the blob sizes in the object headers before
 * any content is inflated, so a huge blob costs nothing. Blobs are read raw: no clean/smudge
 * filters and no Git LFS (an LFS pointer is read as the pointer text and fails as YAML).
 *
 * <p>Repository and ref problems (not a repository, unknown or ambiguous ref, missing objects in a
 * shallow or partial clone) are one {@code git} diagnostic each; nothing here throws for them.
 *
 * <p><b>Nothing is left running.</b> The first time a JVM asks JGit whether a file on a given file
 * system changed, JGit measures that file system's timestamp resolution by writing {@code .probe-*}
 * files into the directory concerned (here {@code .git/objects}) for about three seconds, and keeps
 * the result in {@code ~/.config/jgit/config}. That measurement is left in JGit's default,
 * synchronous mode: it ends before the JGit call that needed it returns, and once per machine. In
 * JGit's background mode it outlived the call and went on writing into the repository after the
 * read was over (and after a test had deleted it).
 */
public final class GitManifestSource {

    /** Code of the diagnostics about the repository or the ref, rather than about one file. */

    /** Longest symbolic link target read (Linux's PATH_MAX); a longer one is refused unread. */
    private static final int MAX_LINK_BYTES = 4096;
    /** Links to links are followed this many hops, then refused as a loop. */
    private static final int MAX_LINK_HOPS = 8;

    private static final String OUTSIDE = "symbolic link points outside the manifest directory; it is not read";
    private static final String BROKEN = "broken symbolic link; it is not read";

    /** One manifest file of the commit: its repository-relative path and its bytes. */
    public record GitFile(String display, byte[] bytes) {}

    /**
     * What a commit gave: the full hex id of the commit the ref resolved to ({@code null} when it
     * did not resolve), the files read (in the loader's order) and every problem met.
     */
    public record GitRead(Optional<String> commitId, List<GitFile> files, List<Diagnostic> diagnostics) {

        public GitRead {
            files = List.copyOf(files);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The parsed manifests of a commit and the full id of that commit ({@code null} if none). */
    public record GitLoad(Optional<String> commitId, LoadResult result) {}

    private final Limits limits;
    private final ManifestLoader loader;

    public GitManifestSource(Limits limits) {
        this.limits = limits;
        // Standard input is refused before the loader could ever ask for it.
        this.loader = new ManifestLoader(limits, InputStream::nullInputStream);
    }

    /**
     * Reads and parses the manifests that {@code paths} name in the commit {@code ref} resolves to,
     * each file through {@link ManifestLoader#loadText}: the same documents and diagnostics as
     * {@link ManifestLoader#load} gives for a checkout of that commit.
     */
    public GitLoad load(Path repoDir, String ref, List<String> paths) {
        GitRead read = read(repoDir, ref, paths);
        // Files are independent: parse them in parallel, and keep their order.
        List<LoadResult> results = read.files().parallelStream()
                .map(file -> loader.loadText(file.display(), file.bytes()))
                .toList();
        List<Document> documents = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>(read.diagnostics());
        for (LoadResult result : results) {
            documents.addAll(result.documents());
            problems.addAll(result.diagnostics());
        }
        return new GitLoad(read.commitId(), new LoadResult(documents, problems));
    }

    /**
     * Reads the files {@code paths} name in the commit {@code ref} resolves to.
     *
     * @param repoDir the repository, or any folder inside its working tree, or a bare repository;
     *                {@code null} for the current directory
     * @param ref     anything git accepts as a revision: branch, tag, full or abbreviated id, HEAD~1
     * @param paths   the {@code -f} paths, relative to the top of the repository
     */
    public GitRead read(Path repoDir, String ref, List<String> paths) {
        List<Diagnostic> problems = new ArrayList<>();
        Path dir = (repoDir == null ? Path.of("") : repoDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            problems.add(Diagnostic.error(Codes.GIT, "no such directory: " + dir));
            return new GitRead(Optional.empty(), List.of(), problems);
        }
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().setMustExist(true).findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            problems.add(Diagnostic.error(Codes.GIT, "not a git repository (nor any of its parents): " + dir));
            return new GitRead(Optional.empty(), List.of(), problems);
        }
        try (Repository repository = builder.build()) {
            return read(repository, ref, paths, problems);
        } catch (IOException | RuntimeException e) {
            // JGit reports a broken repository or object with both checked and unchecked exceptions;
            // either way the user gets one line, never a stack trace.
            problems.add(Diagnostic.error(
                    Codes.GIT, "cannot read git repository " + builder.getGitDir() + ": " + message(e)));
            return new GitRead(Optional.empty(), List.of(), problems);
        }
    }

    private GitRead read(Repository repository, String ref, List<String> paths, List<Diagnostic> problems)
            throws IOException {
        ObjectId commitId = resolve(repository, ref, problems);
        if (commitId == null) {
            return new GitRead(Optional.empty(), List.of(), problems);
        }
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(commitId);
            Walk found = new Walk(reader, commit.getTree(), problems);
            for (String given : paths) {
                if (found.full) {
                    break;
                }
                collect(given, found);
            }
            List<GitFile> files = found.full ? List.of() : readBlobs(reader, found.entries, problems);
            return new GitRead(Optional.of(commit.name()), files, problems);
        }
    }

    private static ObjectId resolve(Repository repository, String ref, List<Diagnostic> problems) {
        if (ref == null || ref.isBlank()) {
            problems.add(Diagnostic.error(Codes.GIT, "no git ref given"));
            return null;
        }
        try {
            // ^{commit} peels annotated tags and refuses trees and blobs.
            ObjectId id = repository.resolve(ref + "^{commit}");
            if (id == null) {
                // Also what a shallow clone says of history it lacks (HEAD~1 of a depth-1 clone).
                problems.add(Diagnostic.error(
                        Codes.GIT,
                        "unknown git ref " + ref + ": it names no commit in this"
                                + " repository; fetch it first (in a shallow clone, fetch more history)"));
            }
            return id;
        } catch (AmbiguousObjectException e) {
            problems.add(Diagnostic.error(
                    Codes.GIT,
                    "ambiguous git ref " + ref + ": " + e.getCandidates().size()
                            + " objects start with it; give more of the commit id"));
        } catch (IncorrectObjectTypeException e) {
            problems.add(Diagnostic.error(Codes.GIT, "git ref " + ref + " does not name a commit"));
        } catch (MissingObjectException e) {
            problems.add(Diagnostic.error(
                    Codes.GIT,
                    "git ref " + ref + " names a commit missing from this repository"
                            + " (a shallow clone? fetch more history)"));
        } catch (RevisionSyntaxException e) {
            problems.add(Diagnostic.error(Codes.GIT, "invalid git ref: " + ref));
        } catch (IOException | RuntimeException e) {
            problems.add(Diagnostic.error(Codes.GIT, "cannot resolve git ref " + ref + ": " + message(e)));
        }
        return null;
    }

    /** A blob to read and the path it is shown under. */
    private record Entry(String display, ObjectId blob) {}

    /** The state of one collection: the commit's tree, what was found, and whether it is too many. */
    private final class Walk {
        final ObjectReader reader;
        final RevTree root;
        final List<Diagnostic> problems;
        final List<Entry> entries = new ArrayList<>();
        boolean full;

        Walk(ObjectReader reader, RevTree root, List<Diagnostic> problems) {
            this.reader = reader;
            this.root = root;
            this.problems = problems;
        }

        /** Adds what was found under one path, unless that makes more files than the limit allows. */
        void addAll(List<Entry> more) {
            entries.addAll(more);
            if (entries.size() > limits.maxFiles()) {
                // Stop at once (walkDirectory stops too), as the loader returns nothing past the
                // limit: a tree of a million entries is not walked to the end to say so.
                full = true;
                problems.add(loader.tooManyFiles());
            }
        }
    }

    private void collect(String given, Walk walk) throws IOException {
        if (ManifestLoader.STDIN.equals(given)) {
            walk.problems.add(Diagnostic.error(
                    Codes.GIT, "standard input (-f -) cannot be read from a git commit; name files or directories"));
            return;
        }
        String path = normalize(given);
        if (path == null) {
            walk.problems.add(Diagnostic.error(
                    Codes.YAML,
                    "path must be relative to the top of the repository and stay inside it: " + given,
                    Location.of(given, 1, 1)));
            return;
        }
        if (path.isEmpty()) {
            walkDirectory(walk, walk.root, "");
            return;
        }
        try (TreeWalk entry = TreeWalk.forPath(walk.reader, path, walk.root)) {
            if (entry == null) {
                // Worded and located as the loader's, so both sources fail alike.
                walk.problems.add(
                        Diagnostic.error(Codes.YAML, "no such file or directory: " + given, Location.of(given, 1, 1)));
                return;
            }
            int mode = entry.getRawMode(0);
            if (FileMode.TREE.equals(mode)) {
                walkDirectory(walk, entry.getObjectId(0), path);
            } else if (FileMode.GITLINK.equals(mode)) {
                walk.problems.add(submodule(path));
            } else if (FileMode.SYMLINK.equals(mode)) {
                // Its target is, by definition, outside the path named.
                walk.problems.add(Diagnostic.error(Codes.YAML, OUTSIDE, start(path)));
            } else if (isFile(mode)) {
                walk.addAll(List.of(new Entry(path, entry.getObjectId(0))));
            }
        }
    }

    /** Every manifest under {@code dir} (repository path {@code prefix}, "" for the top), sorted. */
    private void walkDirectory(Walk walk, ObjectId dir, String prefix) throws IOException {
        List<Entry> found = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(walk.reader)) {
            tree.addTree(dir);
            // Not recursive: subtrees are entered by hand so that hidden ones are never opened.
            tree.setRecursive(false);
            while (tree.next()) {
                String name = tree.getNameString();
                if (name.startsWith(".")) {
                    continue;
                }
                String path = prefix.isEmpty() ? tree.getPathString() : prefix + "/" + tree.getPathString();
                int mode = tree.getRawMode(0);
                if (FileMode.TREE.equals(mode)) {
                    tree.enterSubtree();
                } else if (FileMode.GITLINK.equals(mode)) {
                    walk.problems.add(submodule(path));
                } else if (!ManifestLoader.isManifestName(name)) {
                    continue;
                } else if (FileMode.SYMLINK.equals(mode)) {
                    ObjectId target = followLink(walk, path, tree.getObjectId(0), prefix);
                    if (target != null) {
                        // Shown under the link's name, as the loader does.
                        found.add(new Entry(path, target));
                    }
                } else if (isFile(mode)) {
                    found.add(new Entry(path, tree.getObjectId(0)));
                }
                if (walk.entries.size() + found.size() > limits.maxFiles()) {
                    break; // addAll reports it
                }
            }
        }
        found.sort((a, b) -> a.display.compareTo(b.display));
        walk.addAll(found);
    }

    /**
     * The blob a link at {@code link} ends at, when every hop stays inside {@code scope} (the
     * {@code -f} directory, "" for the whole tree) and the last is a regular file; otherwise
     * {@code null} and a diagnostic at the link.
     */
    private static ObjectId followLink(Walk walk, String link, ObjectId blob, String scope) throws IOException {
        String current = link;
        ObjectId id = blob;
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            if (walk.reader.getObjectSize(id, Constants.OBJ_BLOB) > MAX_LINK_BYTES) {
                return refuse(walk, link, BROKEN);
            }
            String target = new String(
                    walk.reader.open(id, Constants.OBJ_BLOB).getCachedBytes(MAX_LINK_BYTES), StandardCharsets.UTF_8);
            String parent = current.contains("/") ? current.substring(0, current.lastIndexOf('/')) : "";
            String resolved = target.isEmpty() || target.startsWith("/")
                    ? null
                    : normalize(parent.isEmpty() ? target : parent + "/" + target);
            if (resolved == null || !(scope.isEmpty() ? !resolved.isEmpty() : resolved.startsWith(scope + "/"))) {
                return refuse(walk, link, OUTSIDE);
            }
            // forPath does not pass through a linked directory, so a target reached only that way
            // is refused as broken: the safe side of what a checkout would do.
            try (TreeWalk entry = TreeWalk.forPath(walk.reader, resolved, walk.root)) {
                if (entry == null) {
                    return refuse(walk, link, BROKEN);
                }
                int mode = entry.getRawMode(0);
                if (isFile(mode)) {
                    return entry.getObjectId(0);
                }
                if (!FileMode.SYMLINK.equals(mode)) {
                    return refuse(walk, link, "symbolic link does not point to a file; it is not read");
                }
                current = resolved;
                id = entry.getObjectId(0);
            }
        }
        return refuse(walk, link, "symbolic link loop; it is not read");
    }

    private static ObjectId refuse(Walk walk, String link, String message) {
        walk.problems.add(Diagnostic.error(Codes.YAML, message, start(link)));
        return null;
    }

    /**
     * The blobs' bytes, within the limits. Each size comes from the object's header, so a blob
     * over a limit is refused without being inflated.
     */
    private List<GitFile> readBlobs(ObjectReader reader, List<Entry> entries, List<Diagnostic> problems) {
        List<GitFile> files = new ArrayList<>();
        long total = 0;
        int maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes());
        for (Entry entry : entries) {
            try {
                long size = reader.getObjectSize(entry.blob, Constants.OBJ_BLOB);
                total += size;
                if (total > limits.maxTotalBytes()) {
                    problems.add(loader.tooManyBytes(entry.display));
                    break;
                }
                if (size > limits.maxFileBytes()) {
                    problems.add(loader.tooBig(entry.display, size));
                    continue;
                }
                // The limit again, in case the header lied: getCachedBytes refuses a larger object.
                files.add(new GitFile(
                        entry.display,
                        reader.open(entry.blob, Constants.OBJ_BLOB).getCachedBytes(maxBytes)));
            } catch (MissingObjectException e) {
                problems.add(Diagnostic.error(
                        Codes.GIT,
                        "object " + entry.blob.name() + " is missing from the repository (a partial or shallow clone?)",
                        start(entry.display)));
            } catch (IOException | RuntimeException e) {
                problems.add(Diagnostic.error(Codes.GIT, "cannot read from git: " + message(e), start(entry.display)));
            }
        }
        return files;
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

    private static boolean isFile(int mode) {
        return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
    }

    private static Diagnostic submodule(String path) {
        return Diagnostic.error(
                Codes.YAML, "submodule; its files are not in this commit and are not read", start(path));
    }

    private static Location start(String display) {
        return Location.of(display, 1, 1);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
