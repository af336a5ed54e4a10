package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, section 6, the command line's part: messages that say what to type instead. (That the
 * question of apply goes to the terminal is {@code TerminalIT}'s, with a real one.)
 */
class MessagesTest {

    static final String BEFORE = "manifests/examples/seed/before";
    static final String AFTER = "manifests/examples/seed/after";

    @TempDir
    Path dir;

    private String state() {
        return "sqlite:" + dir.resolve("state.db");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "plna -f x                    | unknown command 'plna' for tenantctl; did you mean 'plan'?",
                "aply                         | unknown command 'aply' for tenantctl; did you mean 'apply'?",
                "state lsit                   | unknown command 'lsit' for tenantctl state; did you mean 'list'?",
                "apply -f x --auto-aprove     | unknown option '--auto-aprove' for tenantctl apply; did you mean"
                        + " '--auto-approve'?",
                "plan -f x --detailed-exitcod | unknown option '--detailed-exitcod' for tenantctl plan; did you mean"
                        + " '--detailed-exitcode'?",
                "plan -f x --prune=true --dryrun | unknown option '--dryrun' for tenantctl plan",
                "get tennants                 | unknown kind 'tennants' (expected Tenant, Account or Subscription);"
                        + " did you mean 'tenants'?",
                "frobnicate --help            | unknown command 'frobnicate' for tenantctl",
                "frobnicate                   | unknown command 'frobnicate' for tenantctl",
                "plan --frobnicate --help     | unknown option '--frobnicate' for tenantctl plan",
                "get tenants contoso extra    | unexpected argument 'extra' for tenantctl get",
            })
    void mistypedWordsAreUsageErrorsWithASuggestion(String args, String message) {
        Result result = cli().run(args.trim().split(" +"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(result.out())
                .as("no help on stdout, as if the command existed")
                .isEmpty();
        assertThat(result.err()).startsWith("error: " + message.trim()).contains("--help' for usage.");
    }

    @Test
    void applyOfAManifestFileOrFolderSuggestsDashF() throws Exception {
        Result yaml = cli().run("apply", BEFORE + "/contoso.yaml", "--state", state());
        assertThat(yaml.exitCode()).isEqualTo(64);
        assertThat(yaml.err())
                .startsWith("error: " + BEFORE + "/contoso.yaml holds manifests, not a plan saved by 'plan --out'; to"
                        + " plan and apply manifests, run: tenantctl apply -f " + BEFORE + "/contoso.yaml\n");
        Result folder = cli().run("apply", BEFORE, "--state", state());
        assertThat(folder.exitCode()).isEqualTo(64);
        assertThat(folder.err()).contains("is a folder, not a plan").contains("tenantctl apply -f " + BEFORE);
        Path json = Files.writeString(dir.resolve("account.json"), """
                {"apiVersion": "tenantctl.io/v1", "kind": "Account", "metadata": {"name": "a"},
                 "spec": {"signInName": "a@outlook.com", "type": "MicrosoftAccount"}}
                """);
        Result manifest = cli().run("apply", json.toString(), "--state", state());
        assertThat(manifest.exitCode()).isEqualTo(64);
        assertThat(manifest.err()).contains("tenantctl apply -f " + json);
        assertThat(dir.resolve("state.db")).as("nothing was created").doesNotExist();
    }

    @Test
    void aBareApplySaysWhatIsMissing() {
        Result bare = cli().run("apply");
        assertThat(bare.exitCode()).isEqualTo(64);
        assertThat(bare.err())
                .startsWith("error: apply needs something to apply: the manifests (-f PATH..., to plan and apply them)"
                        + " or a plan saved by 'tenantctl plan --out FILE' (apply FILE)\n");
    }

    @Test
    void validAndInvalidAreBothOnStandardOutput() throws Exception {
        Result valid = cli().run("validate", "-f", BEFORE);
        assertThat(valid.out()).isEqualTo("Valid: 7 objects, 0 errors, 3 warnings.\n");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: tenantctl.io/v1\nkind: Tennant\n");
        Result invalid = cli().run("validate", "-f", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).matches("Invalid: \\d+ errors?, 0 warnings\\.\n");
        assertThat(invalid.err()).doesNotContain("Invalid:");
    }

    @Test
    void aFailedApplyShowsTheChangesAsAFailedPlanDoes() {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();
        Result plan = cli().run("plan", "-f", AFTER, "--as", "msmith@hotmail.com", "--state", state());
        Result apply =
                cli().run("apply", "-f", AFTER, "--as", "msmith@hotmail.com", "--auto-approve", "--state", state());

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).isEqualTo(plan.err()).contains("error[unauthorized]");
        assertThat(apply.out())
                .as("the plan's output, then what apply did")
                .isEqualTo(plan.out() + "Nothing was changed: the plan has errors.\n")
                .contains("~ Subscription/msdn-1 will be updated in place");
    }

    @Test
    void applyOfASavedPlanPrintsTheStepsItApplies() {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();
        Path saved = dir.resolve("plan.json");
        Result plan = cli().run("plan", "-f", AFTER, "--state", state(), "--out", saved.toString());

        Result apply = cli().run("apply", saved.toString(), "--state", state());

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out())
                .startsWith("Plan of applyset default against the state at " + state() + ", revision 1.\n")
                .contains("Steps, in order:\n  1. AddGlobalAdmin msmith@hotmail.com to Tenant/contoso\n")
                .contains("  3. AddCoAdmin JohnDoe@contoso.com to Subscription/msdn-1\n")
                .endsWith("Apply complete! Revision 2: 3 steps applied (0 created, 2 updated, 0 deleted).\n");
        assertThat(plan.out())
                .as("the hint names the state, which is not the default one")
                .endsWith("Saved the plan to " + saved + "; apply exactly it with: tenantctl apply " + saved
                        + " --state " + state() + "\n");
    }

    @Test
    void theHintAfterPlanOutLeavesOutTheDefaultState() {
        // The default state, relative to the current folder; plan never creates it.
        Result plan =
                cli().run("plan", "-f", BEFORE, "--out", dir.resolve("p.json").toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).endsWith("apply exactly it with: tenantctl apply " + dir.resolve("p.json") + "\n");
    }

    @Test
    void gitRefPathsAreRelativeToTheCurrentFolderInsideTheRepositoryAsInGit() throws Exception {
        Path repo = dir.resolve("repo");
        Path prod = repo.resolve("envs/prod");
        Files.createDirectories(prod);
        for (String file : new String[] {"accounts.yaml", "contoso.yaml", "default-directory.yaml"}) {
            Files.copy(Path.of(BEFORE, file), prod.resolve(file));
        }
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("prod")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .call();
        }

        // --repo names the folder the paths are relative to, as `git -C DIR` does.
        Result fromEnvs = cli().run(
                        "validate",
                        "-f",
                        "prod",
                        "--git-ref",
                        "HEAD",
                        "--repo",
                        repo.resolve("envs").toString());
        assertThat(fromEnvs.exitCode()).as(fromEnvs.toString()).isZero();
        assertThat(fromEnvs.err()).as("files are named from the top").contains("envs/prod/contoso.yaml:");
        Result fromProd = cli().run("validate", "-f", ".", "--git-ref", "HEAD", "--repo", prod.toString());
        assertThat(fromProd.out()).isEqualTo("Valid: 7 objects, 0 errors, 3 warnings.\n");
        Result fromTop = cli().run("validate", "-f", "envs/prod", "--git-ref", "HEAD", "--repo", repo.toString());
        assertThat(fromTop.out()).isEqualTo("Valid: 7 objects, 0 errors, 3 warnings.\n");

        Result outside = cli().run("validate", "-f", "../../..", "--git-ref", "HEAD", "--repo", prod.toString());
        assertThat(outside.exitCode()).isEqualTo(1);
        assertThat(outside.err()).contains("error[git]: ../../.. is outside the git repository at");
        Result noRef = cli().run("validate", "-f", "prod", "--repo", repo.toString());
        assertThat(noRef.exitCode()).isEqualTo(64);
        assertThat(noRef.err()).startsWith("error: --repo has no effect without --git-ref");
    }

    @Test
    void exportAndGenerateRefuseAFolderThatHoldsFilesUnlessToldToReplaceThem() throws Exception {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();
        Path out = dir.resolve("export");
        assertThat(cli().run("export", "--out", out.toString(), "--state", state())
                        .exitCode())
                .isZero();
        Path stale = Files.writeString(out.resolve("tenants/deleted-long-ago.yaml"), "# an old export\n");
        Files.writeString(out.resolve("README.md"), "kept\n");

        Result refused = cli().run("export", "--out", out.toString(), "--state", state());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .isEqualTo("error[io]: " + out + ": the folder already holds 3 entries; pass --force to replace the"
                        + " manifest files in it, or choose an empty folder\n");
        assertThat(stale).exists();

        Result replaced =
                cli().run("export", "--out", out.toString(), "--layout", "kind", "--force", "--state", state());
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(replaced.out()).contains("replacing 4 manifest files");
        assertThat(stale).doesNotExist();
        assertThat(out.resolve("tenants")).as("a folder left empty goes too").doesNotExist();
        assertThat(out.resolve("README.md")).as("what is not a manifest stays").exists();
        assertThat(out.resolve("tenants.yaml")).exists();

        Path generated = dir.resolve("generated");
        assertThat(cli().run("generate", "--objects", "30", "--out", generated.toString())
                        .exitCode())
                .isZero();
        Result again = cli().run("generate", "--objects", "30", "--out", generated.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("pass --force");
        assertThat(cli().run("generate", "--objects", "30", "--out", generated.toString(), "--force")
                        .exitCode())
                .isZero();
    }
}
