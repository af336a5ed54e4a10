package io.tenantctl.agent;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Fetches one branch of a source into a bare cache repository of its own
 * ({@code WORKDIR/sources/NAME.git}) with JGit, shallow (depth 1) where the transport allows it, and
 * says which commit the branch is at. Nothing is checked out: the manifests are read straight from
 * the commit.
 */
public final class GitFetcher {

    private final Path cacheRoot;

    public GitFetcher(Path workDir) {
        this.cacheRoot = workDir.resolve("sources");
    }

    /** The cache repository of a source. */
    public Path cache(SourceConfig source) {
        return cacheRoot.resolve(source.name() + ".git");
    }

    /** The commit the source's branch is at now, or why it could not be fetched. */
    public record Fetched(Optional<String> commit, Optional<Diagnostic> problem) {}

    public Fetched fetch(SourceConfig source) {
        Path dir = cache(source);
        String remoteRef = "refs/heads/" + source.branch();
        String localRef = "refs/remotes/origin/" + source.branch();
        try (Repository repository = open(dir);
                Git git = new Git(repository)) {
            RefSpec spec = new RefSpec("+" + remoteRef + ":" + localRef);
            try {
                git.fetch()
                        .setRemote(source.url())
                        .setRefSpecs(spec)
                        .setDepth(1)
                        .setRemoveDeletedRefs(false)
                        .call();
            } catch (GitAPIException | RuntimeException e) {
                if (!mentionsShallow(e)) {
                    throw e;
                }
                // A transport without shallow support: fetch the whole history instead.
                git.fetch()
                        .setRemote(source.url())
                        .setRefSpecs(spec)
                        .setRemoveDeletedRefs(false)
                        .call();
            }
            ObjectId id = repository.resolve(localRef + "^{commit}");
            if (id == null) {
                return failed("the branch " + source.branch() + " is not in " + source.displayUrl());
            }
            return new Fetched(Optional.of(id.name()), Optional.empty());
        } catch (GitAPIException | IOException | RuntimeException e) {
            return failed("cannot fetch " + source.branch() + " from " + source.displayUrl() + ": " + message(e));
        }
    }

    private static Repository open(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("objects"))) {
            Files.createDirectories(dir);
            Repository created = new FileRepositoryBuilder()
                    .setGitDir(dir.toFile())
                    .setBare()
                    .build();
            created.create(true);
            return created;
        }
        return new FileRepositoryBuilder()
                .setGitDir(dir.toFile())
                .setBare()
                .setMustExist(true)
                .build();
    }

    private static boolean mentionsShallow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("shallow") || m.contains("depth"))) {
                return true;
            }
        }
        return false;
    }

    private static Fetched failed(String message) {
        return new Fetched(Optional.empty(), Optional.of(Diagnostic.error(Codes.GIT, message)));
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ").replaceAll("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@", "$1");
    }
}
