package io.tenantctl.agent;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;

/**
 * A real git remote for the agent's tests: a bare repository (what the agent fetches from, by
 * local path) and a working clone to commit and push from, both made with JGit.
 */
public final class GitSource implements AutoCloseable {

    private final Path bare;
    private final Path work;
    private final Git git;

    private GitSource(Path bare, Path work, Git git) {
        this.bare = bare;
        this.work = work;
        this.git = git;
    }

    public static GitSource create(Path dir) throws GitAPIException, IOException, URISyntaxException {
        Path bare = dir.resolve("remote.git");
        Path work = dir.resolve("work");
        Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        Git git =
                Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
        git.remoteAdd()
                .setName("origin")
                .setUri(new URIish(bare.toUri().toString()))
                .call();
        return new GitSource(bare, work, git);
    }

    /** The remote as the agent's configuration names it. */
    public String url() {
        return bare.toString();
    }

    public Path work() {
        return work;
    }

    /** Writes a file of the working tree (parents created). */
    public GitSource write(String path, String text) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** Copies every file of a folder into a folder of the working tree. */
    public GitSource copy(Path from, String to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = work.resolve(to).resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return this;
    }

    public GitSource delete(String path) throws IOException {
        Files.deleteIfExists(work.resolve(path));
        return this;
    }

    /** Commits everything and pushes to main; returns the commit's id. */
    public String push(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent me = new PersonIdent("Test", "test@example.com");
        RevCommit commit =
                git.commit().setMessage(message).setAuthor(me).setCommitter(me).call();
        git.push().setRemote("origin").add("main").call();
        return commit.name();
    }

    @Override
    public void close() {
        git.close();
    }
}
