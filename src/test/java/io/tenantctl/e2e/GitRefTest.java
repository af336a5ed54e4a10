package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Manifests read straight from a commit of a real git repository made in the test: what was
 * committed counts, not the working tree, and the commit id goes into the plan and the history.
 */
class GitRefTest {

    @TempDir
    Path dir;

    Path repo;
    String before;
    String after;
    String state;

    @BeforeEach
    void repository() throws Exception {
        repo = dir.resolve("repo");
        state = "sqlite:" + dir.resolve("state.db");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            copy(Path.of("manifests/examples/seed/before"), repo.resolve("manifests"));
            git.add().addFilepattern(".").call();
            before = commit(git, "before");
            copy(Path.of("manifests/examples/seed/after"), repo.resolve("manifests"));
            git.add().addFilepattern(".").call();
            after = commit(git, "after");
        }
        // An uncommitted edit that must not be read.
        Files.writeString(repo.resolve("manifests/contoso.yaml"), "this: is not committed\n");
    }

    private static String commit(Git git, String message) throws Exception {
        RevCommit commit = git.commit()
                .setMessage(message)
                .setAuthor("t", "t@example.com")
                .setCommitter("t", "t@example.com")
                .call();
        return commit.name();
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aPlanAndAnApplyAtARefReadTheCommitAndRecordItsId() {
        Result applied = cli().run(
                        "apply",
                        "-f",
                        "manifests",
                        "--git-ref",
                        before,
                        "--repo",
                        repo.toString(),
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();

        Result plan = cli().run(
                        "plan",
                        "-f",
                        "manifests",
                        "--git-ref",
                        "main",
                        "--repo",
                        repo.toString(),
                        "--state",
                        state,
                        "-o",
                        "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode doc = Json.parse(plan.out());
        assertThat(doc.path("source").path("commit").asString()).isEqualTo(after);
        assertThat(doc.path("source").path("ref").asString()).isEqualTo("main");
        assertThat(doc.path("steps")).hasSize(3);

        Result apply = cli().run(
                        "apply",
                        "-f",
                        "manifests",
                        "--git-ref",
                        "main~0",
                        "--repo",
                        repo.toString(),
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        JsonNode history = Json.parse(
                        cli().run("history", "--state", state, "-o", "json").out())
                .path("items");
        assertThat(history.get(0).path("source").path("commit").asString()).isEqualTo(after);
        assertThat(history.get(1).path("source").path("commit").asString()).isEqualTo(before);
    }

    @Test
    void validateAtARefIgnoresTheWorkingTreeAndLocatesProblemsInTheRepository() {
        Result valid = cli().run("validate", "-f", "manifests", "--git-ref", "HEAD", "--repo", repo.toString());
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        Result working = cli().run("validate", "-f", repo.resolve("manifests").toString());
        assertThat(working.exitCode()).as("the uncommitted edit is broken").isEqualTo(1);
    }

    @Test
    void anUnknownRefIsOneClearError() {
        Result plan = cli().run(
                        "plan",
                        "-f",
                        "manifests",
                        "--git-ref",
                        "no-such-branch",
                        "--repo",
                        repo.toString(),
                        "--state",
                        state);
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).contains("error[git]").contains("no-such-branch").doesNotContain("\tat ");
    }
}
