package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: help, version, completion, usage errors and their exit code. */
class CommandLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "validate",
                "plan",
                "apply",
                "show",
                "get",
                "history",
                "history show",
                "drift",
                "export",
                "import",
                "generate",
                "state",
                "state list",
                "state show",
                "state copy",
                "force-unlock",
                "agent",
                "status",
                "approve",
                "completion",
            })
    void everyCommandHasHelpWithExamples(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Result help = cli().run(args.toArray(String[]::new));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: tenantctl " + command)
                .contains("Examples:")
                .as("only the top-level command has --version")
                .doesNotContain("--version")
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
                "apply -f x.yaml --lock-timeout soon",
                "frobnicate",
                // options a command does not take, or that do nothing in the combination given (issue 10)
                "export -o json",
                "export -o bogus",
                "export --layout kind",
                "export --force",
                "state copy --from sqlite:a.db --to sqlite:b.db -o bogus",
                "state copy --from sqlite:a.db --to sqlite:./a.db",
                "plan -f x.yaml --repo .",
                "validate -f x.yaml --repo .",
                "plan -f - --git-ref HEAD",
                "plan -f x.yaml --max-prune 50%",
                "plan -f x.yaml --allow-mass-prune",
                "plan -f x.yaml --lock-timeout 5s",
                "apply plan.json --as msmith@hotmail.com",
                "apply plan.json --prune",
                "apply plan.json --applyset platform",
                "apply plan.json --max-prune 10%",
                "apply plan.json --force-adopt",
                "apply plan.json --git-ref HEAD",
                "apply plan.json --allow-empty",
                "apply plan.json --auto-approve",
                "apply -f x.yaml --dry-run --auto-approve",
                "apply -f x.yaml -o json",
                "history --limit 0",
                "history --limit -1",
                "history show 0",
                "status --history 0",
                "get --as msmith@hotmail.com",
                "get --lock-timeout 5s",
                "get tenants contoso -l team=a",
                "get -l =x",
                "get -o markdown",
                "drift -f x.yaml --as msmith@hotmail.com",
                "drift -f x.yaml --applyset Not_A_Name",
                "approve seed sha256:00 -o json",
                "agent --config a.yaml -o json",
                "status --as msmith@hotmail.com",
                "show plan.json -o wide",
                "state show contoso",
                "force-unlock -o json",
                "plan -V",
            })
    void badUsageExits64WithoutAStackTrace(String args) {
        Result result = cli().run(args.split(" "));
        assertThat(result.out()).as("nothing on stdout: %s", result).isEmpty();
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
