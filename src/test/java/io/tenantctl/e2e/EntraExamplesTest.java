package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The entra examples apply from an empty state (confirming the external actions they wait for) and
 * then plan nothing; and the README's entra commands run as written, each with the exit code its
 * comment gives (0 when it gives none).
 */
class EntraExamplesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "manifests/examples/entra/seed/before",
                "manifests/examples/entra/seed/after",
                "manifests/examples/entra/company"
            })
    void anEntraExampleAppliesFromScratchAndConverges(String example) {
        String state = "sqlite:" + dir.resolve("state.db");
        Result validate = cli().run("validate", "--profile", "entra", "-f", example);
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        Result apply = cli().run("apply", "--profile", "entra", "-f", example, "--auto-approve", "--state", state);
        if (apply.exitCode() == 4) {
            Matcher awaited = Pattern.compile("^  (\\S+): ", Pattern.MULTILINE).matcher(apply.out());
            List<String> args = new ArrayList<>(List.of("apply", "-f", example, "--auto-approve", "--state", state));
            while (awaited.find()) {
                args.addAll(List.of("--confirm", awaited.group(1)));
            }
            apply = cli().run(args.toArray(String[]::new));
        }
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        Result plan = cli().run("plan", "-f", example, "--state", state, "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
    }

    /** The README's commands under its entra heading, as a new user would type them. */
    @Test
    void theReadmesEntraStoryRunsAsWritten() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Today's world: the `entra` profile");
        assertThat(section).as("the README has an entra section").isPositive();
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String state = "sqlite:" + dir.resolve("entra.db");
        List<String> lines =
                block.lines().filter(l -> l.startsWith("./tenantctl ")).toList();
        assertThat(lines).hasSize(6);
        Result last = null;
        for (String line : lines) {
            String command =
                    line.contains("#") ? line.substring(0, line.indexOf('#')).trim() : line.trim();
            String comment =
                    line.contains("#") ? line.substring(line.indexOf('#') + 1).trim() : "";
            int expected =
                    comment.startsWith("exit ") ? Integer.parseInt(comment.substring(5, comment.indexOf(':'))) : 0;
            List<String> args = new ArrayList<>(Arrays.asList(command.split(" +")));
            args.remove(0);
            args.replaceAll(a -> a.equals("sqlite:entra.db") ? state : a);
            last = cli().run(args.toArray(String[]::new));
            assertThat(last.exitCode()).as(line + "\n" + last).isEqualTo(expected);
            if (comment.startsWith("No changes")) {
                assertThat(last.out()).contains("No changes.");
            }
        }
        assertThat(last.out()).contains("redeem/contoso/msmith@hotmail.com").contains("done");
    }

    /**
     * {@code generate --profile entra} writes a world the entra profile accepts; applied from
     * nothing, it waits for its guests to redeem their invitations.
     */
    @Test
    void aGeneratedEntraWorldValidatesAndApplies() {
        Path out = dir.resolve("generated");
        Result generate = cli().run("generate", "--profile", "entra", "--objects", "300", "--out", out.toString());
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        Result validate = cli().run("validate", "--profile", "entra", "-f", out.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        Result classic = cli().run("validate", "-f", out.toString());
        assertThat(classic.err()).contains("error[entra-only-field]");
        String state = "sqlite:" + dir.resolve("generated.db");
        Result apply =
                cli().run("apply", "--profile", "entra", "-f", out.toString(), "--auto-approve", "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(4);
        assertThat(apply.out()).contains("steps applied; waiting for").contains("\n  redeem/");
    }
}
