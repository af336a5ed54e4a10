package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The {@code -f} paths of a {@code --git-ref} run as git takes them ({@code git show REF:./PATH}):
 * relative to the current directory, or to {@code --repo}, inside the repository's working tree,
 * turned into paths from the top of the repository, which is what a commit's tree knows. A path
 * that leaves the repository is an error. In a bare repository, which has no working tree to be
 * inside of, paths are taken from the top as given.
 */
final class GitPaths {

    private GitPaths() {}

    /** The paths from the top of the repository, and a problem for each path outside it. */
    record Result(List<String> paths, List<Diagnostic> problems) {}

    static Result fromTop(Path base, List<String> given) {
        Path top = top(base);
        if (top == null) {
            // not a repository, or a bare one: the git source says which, or takes the paths as they are
            return new Result(given, List.of());
        }
        Path here = real(base);
        List<String> paths = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String path : given) {
            if (path.equals("-")) {
                paths.add(path);
                continue;
            }
            Path resolved = here.resolve(path).normalize();
            if (!resolved.startsWith(top)) {
                problems.add(Diagnostic.error(
                        Codes.GIT,
                        path + " is outside the git repository at " + top + " (paths are relative to "
                                + (here.equals(top) ? "its top" : here) + ")"));
                continue;
            }
            String relative = top.relativize(resolved).toString().replace('\\', '/');
            paths.add(relative.isEmpty() ? "." : relative);
        }
        return new Result(paths, problems);
    }

    /** The top of the working tree that holds {@code base}, or null when there is none. */
    private static Path top(Path base) {
        Path dir = base.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        try {
            builder.setup();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        if (builder.isBare() || builder.getWorkTree() == null) {
            return null;
        }
        return real(builder.getWorkTree().toPath());
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
