package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Manifests straight out of one git commit ({@code plan -f manifests/ --git-ref origin/main}),
 * from the object database, without a checkout: uncommitted edits and untracked files are never
 * seen, so a plan made from a ref shows exactly what that commit declares.
 *
 * <p>The {@code -f} paths work as they do in a working tree, by the same {@link FolderWalk}
 * policy over the commit's {@link GitTree}; standard input ({@code -}) has no place in a commit and
 * is refused. Paths are taken from the top of the repository (as in {@code git show REF:PATH}),
 * not from the current directory: they then mean the same whichever folder the command runs in
 * and whatever {@code --repo} says.
 *
 * <p><b>Display names</b> are the plain repository-relative path ({@code manifests/contoso.yaml}),
 * with no {@code REF:} prefix: CI annotations, editors and {@code file:line:column} jumps all take a
 * path relative to the repository root, and in a pull request that is the file being changed. The
 * commit the files came from is returned once, as {@link RawFiles#commitId()}, for the caller to
 * record.
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

    private final Limits limits;

    public GitManifestSource(Limits limits) {
        this.limits = limits;
    }

    /** The manifests of the commit {@code ref} resolves to in the repository at {@code repoDir}. */
    public ManifestSource at(Path repoDir, String ref) {
        return paths -> read(repoDir, ref, paths);
    }

    /**
     * Reads the files {@code paths} name in the commit {@code ref} resolves to.
     *
     * @param repoDir the repository, or any folder inside its working tree, or a bare repository
     * @param ref     anything git accepts as a revision: branch, tag, full or abbreviated id, HEAD~1
     * @param paths   the {@code -f} paths, relative to the top of the repository
     */
    public RawFiles read(Path repoDir, String ref, List<String> paths) {
        List<Diagnostic> problems = new ArrayList<>();
        Path dir = repoDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            problems.add(Diagnostic.error(Codes.GIT, "no such directory: " + dir));
            return new RawFiles(List.of(), problems, Optional.empty());
        }
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().setMustExist(true).findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            problems.add(Diagnostic.error(Codes.GIT, "not a git repository (nor any of its parents): " + dir));
            return new RawFiles(List.of(), problems, Optional.empty());
        }
        try (Repository repository = builder.build()) {
            return read(repository, ref, paths, problems);
        } catch (IOException | RuntimeException e) {
            // JGit reports a broken repository or object with both checked and unchecked exceptions;
            // either way the user gets one line, never a stack trace.
            problems.add(Diagnostic.error(
                    Codes.GIT, "cannot read git repository " + builder.getGitDir() + ": " + message(e)));
            return new RawFiles(List.of(), problems, Optional.empty());
        }
    }

    private RawFiles read(Repository repository, String ref, List<String> paths, List<Diagnostic> problems)
            throws IOException {
        ObjectId commitId = resolve(repository, ref, problems);
        if (commitId == null) {
            return new RawFiles(List.of(), problems, Optional.empty());
        }
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(commitId);
            List<RawFile> files = FolderWalk.read(new GitTree(reader, commit.getTree()), limits, paths, problems);
            return new RawFiles(files, problems, Optional.of(commit.name()));
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

    static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
