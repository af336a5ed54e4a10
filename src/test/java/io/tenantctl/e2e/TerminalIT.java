package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.Child;
import io.tenantctl.testing.CliRun.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tenantctl under a real pseudo-terminal ({@code script} from util-linux), as a person
 * runs it: {@code apply} asks on the terminal, not on standard output, so that
 * {@code apply -f m | tee log} still asks and reads the answer; without a controlling terminal it
 * refuses to ask; and {@code force-unlock} stops an apply left waiting at its question.
 */
class TerminalIT {

    static final String BEFORE =
            Path.of("manifests/examples/seed/before").toAbsolutePath().toString();

    @TempDir
    Path dir;

    /** A shell command line with every word quoted. */
    private static String quoted(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            out.append(out.length() == 0 ? "" : " ")
                    .append("'")
                    .append(word.replace("'", "'\\''"))
                    .append("'");
        }
        return out.toString();
    }

    private static List<String> tenantctl(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                Child.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code shell} (a command line) under a pseudo-terminal: what it writes to the terminal
     * goes to {@code terminal}; what is written to the returned process's input is typed on it.
     */
    private Process underTerminal(String shell, Path terminal) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", shell, "/dev/null")
                .directory(dir.toFile())
                .redirectOutput(terminal.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("TENANTCTL_STATE");
        // script runs the command line with $SHELL; bash, for pipefail: a pipeline's exit code is tenantctl's
        builder.environment().put("SHELL", "/bin/bash");
        return builder.start();
    }

    private static void type(Process process, String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private String state() {
        return "sqlite:" + dir.resolve("state.db");
    }

    /** {@code apply -f BEFORE < /dev/null 2> err | cat > out}: nothing but the terminal to answer on. */
    private String applyPiped() {
        return "set -o pipefail; " + quoted(tenantctl("apply", "-f", BEFORE, "--state", state())) + " < /dev/null 2> "
                + dir.resolve("err") + " | cat > " + dir.resolve("out");
    }

    @Test
    void applyAsksOnTheTerminalWhenStandardOutputIsAPipe() throws Exception {
        Path terminal = dir.resolve("terminal");
        Process apply = underTerminal(applyPiped(), terminal);
        type(apply, "yes\n");
        apply.getOutputStream().close();

        assertThat(apply.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out"));
        assertThat(apply.exitValue())
                .as("%s%n%s", out, Files.readString(terminal))
                .isZero();
        assertThat(Files.readString(terminal))
                .as("the question is asked on the terminal")
                .contains("Do you want to perform these steps? Only 'yes' will be accepted:");
        assertThat(out)
                .as("the plan and the result go through the pipe, the question does not")
                .contains("Plan: 7 to create")
                .contains("Apply complete! Revision 1")
                .doesNotContain("Do you want to perform these steps");
        assertThat(cli().run("history", "--state", state()).out()).contains("+7 ~0 -0");
    }

    @Test
    void anAnswerOtherThanYesOnTheTerminalChangesNothing() throws Exception {
        Path terminal = dir.resolve("terminal");
        Process apply = underTerminal(applyPiped(), terminal);
        type(apply, "no\n");
        apply.getOutputStream().close();

        assertThat(apply.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(apply.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out"))).endsWith("Apply cancelled; nothing was changed.\n");
        assertThat(cli().run("history", "--state", state()).err())
                .as("a declined first apply creates no state")
                .contains("no state at");
    }

    @Test
    void withoutATerminalApplyRefusesToAsk() throws Exception {
        // setsid: a new session, which has no controlling terminal, whatever ran the tests.
        List<String> command = new ArrayList<>(List.of("setsid", "-w"));
        command.addAll(tenantctl("apply", "-f", BEFORE, "--state", state()));
        Process apply = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile())
                .start();

        assertThat(apply.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(apply.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("err")))
                .isEqualTo("error[usage]: apply asks for confirmation, and there is no terminal to ask on; review a"
                        + " plan and pass --auto-approve, or apply a saved plan file\n");
        assertThat(dir.resolve("state.db")).as("nothing was created").doesNotExist();
    }

    @Test
    void forceUnlockStopsAnApplyLeftWaitingAtItsQuestion() throws Exception {
        // A state that exists, empty: an apply into a state that does not exist yet creates it only
        // when it writes, and so holds no lock while it asks.
        JdbcStateStore.open(
                        state(), Clock.systemUTC(), () -> "00000000-0000-4000-8000-000000000003", Duration.ofSeconds(5))
                .close();
        Path terminal = dir.resolve("terminal");
        Process waiting = underTerminal(applyPiped(), terminal);
        // Nobody answers: the apply holds the state's lock while it asks.
        for (int i = 0; i < 600 && !Files.readString(terminal).contains("Only 'yes' will be accepted"); i++) {
            assertThat(waiting.isAlive()).as("the apply waits at its question").isTrue();
            Thread.sleep(200);
        }
        assertThat(Files.readString(terminal)).contains("Only 'yes' will be accepted");
        Result blocked =
                cli().run("apply", "-f", BEFORE, "--auto-approve", "--lock-timeout", "500ms", "--state", state());
        assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(3);

        Result released = cli().run("force-unlock", "--yes", "--state", state());

        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.out())
                .contains("is locked by ")
                .contains("Released the lock of the state at " + state())
                .contains("its apply was rolled back and changed nothing");
        assertThat(waiting.waitFor(120, TimeUnit.SECONDS))
                .as("the apply was stopped")
                .isTrue();
        assertThat(cli().run("history", "--state", state()).out()).contains("No revisions yet");
        Result next = cli().run("apply", "-f", BEFORE, "--auto-approve", "--lock-timeout", "5s", "--state", state());
        assertThat(next.exitCode()).as(next.toString()).isZero();
    }
}
