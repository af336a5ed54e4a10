package io.tenantctl.testing;

import io.tenantctl.cli.Cli;
import io.tenantctl.cli.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real command line in-process, the way a user would, and captures what it prints.
 * Tests choose the environment: variables, standard input and the clock.
 */
public final class CliRun {

    /** The fixed time every test run sees, so that histories are reproducible. */
    public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final Map<String, String> variables = new HashMap<>();
    private byte[] stdin = new byte[0];
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private boolean interactive;
    private String lineage = "00000000-0000-4000-8000-000000000001";

    public static CliRun cli() {
        return new CliRun();
    }

    public CliRun env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public CliRun stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public CliRun stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    public CliRun clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The lineage id a store created by this run gets. */
    public CliRun lineage(String id) {
        this.lineage = id;
        return this;
    }

    /** Pretend standard input and output are a terminal (so apply may ask). */
    public CliRun interactive() {
        this.interactive = true;
        return this;
    }

    public Result run(String... args) {
        byte[] input = stdin;
        String id = lineage;
        Environment environment = new Environment(
                () -> new ByteArrayInputStream(input), variables, clock, interactive, false, false, () -> id);
        CommandLine commandLine = new Cli(environment).commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What one run did. */
    public record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
