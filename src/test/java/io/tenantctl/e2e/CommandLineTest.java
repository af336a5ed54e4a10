package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: help, version, completion, usage errors and their exit code. */
class CommandLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "apply", "get", "history", "drift", "export", "generate", "completion"})
    void everyCommandHasHelpWithExamples(String command) {
        Result help = cli().run(command, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: tenantctl " + command)
                .contains("Examples:")
                .as("every ${...} in a help text is picocli's to fill or escaped")
                .doesNotContain("null");
    }

    @Test
    void versionNamesTheRelease() {
        Result version = cli().run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("tenantctl ").doesNotContain("${");
    }

    @Test
    void noCommandShowsUsageAndExits64() {
        Result none = cli().run();
        assertThat(none.exitCode()).isEqualTo(64);
        assertThat(none.err()).contains("Usage: tenantctl");
    }

    @Test
    void completionScriptsAreGenerated() {
        Result bash = cli().run("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("validate").contains("--auto-approve");
        Result zsh = cli().run("completion", "zsh");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).startsWith("#compdef tenantctl").contains("bashcompinit");
        assertThat(cli().run("completion", "fish").exitCode()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "validate",
                "validate -f x.yaml -o markdown",
                "validate --frobnicate",
                "plan",
                "apply",
                "apply plan.json -f x.yaml",
                "get Nonsense",
                "history -o yaml",
                "plan -f x.yaml --lock-timeout soon",
                "frobnicate",
            })
    void badUsageExits64WithoutAStackTrace(String args) {
        Result result = cli().run(args.split(" "));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(result.err()).startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void aBadStateUrlIsOneLineAndExit1() {
        Result result = cli().run("get", "--state", "mysql://somewhere/db");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error[state]: invalid --state URL").doesNotContain("\tat ");
    }

    @Test
    void theStateUrlAndIdentitiesComeFromTheEnvironmentToo() {
        String state = "sqlite:" + dir.resolve("env.db");
        Result applied = cli().env("TENANTCTL_STATE", state)
                .run("apply", "-f", "manifests/examples/seed/before", "--auto-approve");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(dir.resolve("env.db")).exists();
        Result plan = cli().env("TENANTCTL_STATE", state)
                .env("TENANTCTL_AS", "msmith@hotmail.com,JohnDoe@contoso.com")
                .run("plan", "-f", "manifests/examples/seed/after");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).contains("error[unauthorized]").contains("msmith@hotmail.com, JohnDoe@contoso.com");
    }

    @Test
    void copyingAStateThatDoesNotExistIsRefusedAndCreatesNothing() {
        Path missing = dir.resolve("mistyped.db");
        Path target = dir.resolve("target.db");
        Result copy = cli().run("state", "copy", "--from", "sqlite:" + missing, "--to", "sqlite:" + target, "--force");
        assertThat(copy.exitCode()).as(copy.toString()).isEqualTo(1);
        assertThat(copy.err()).isEqualTo("error[state]: no state at sqlite:" + missing + ": the file does not exist\n");
        assertThat(missing).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void filesThatCannotBeWrittenAreOneLineWithTheReason() throws IOException {
        String state = "sqlite:" + dir.resolve("state.db");
        assertThat(cli().run("apply", "-f", "manifests/examples/seed/before", "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        Path nowhere = dir.resolve("no/such/folder/plan.json");
        Result plan =
                cli().run("plan", "-f", "manifests/examples/seed/after", "--state", state, "--out", nowhere.toString());
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).endsWith("error[io]: " + nowhere + ": no such file or directory\n");
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        Result export = cli().run(
                        "export",
                        "--state",
                        state,
                        "--out",
                        file.resolve("below").toString());
        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).isEqualTo("error[io]: " + file.resolve("below") + ": not a directory\n");
    }
}
