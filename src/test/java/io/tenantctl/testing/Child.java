package io.tenantctl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code tenantctl.jar} as a separate process, the way a pipeline does, so that
 * tests can run several at once, kill one with SIGKILL, or time it.
 */
public final class Child {

    private final Process process;
    private final Path out;
    private final Path err;

    private Child(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** The jar under test: set by failsafe, or target/tenantctl.jar. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("tenantctl.jar", "target/tenantctl.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + "; run the integration tests with 'mvn verify'");
        }
        return jar;
    }

    public static Child start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "child", ".out");
        Path err = Files.createTempFile(workDir, "child", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("TENANTCTL_STATE");
        builder.environment().remove("TENANTCTL_AS");
        return new Child(builder.start(), out, err);
    }

    /** Runs to the end and returns what it did. */
    public static CliRun.Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return start(workDir, args).await(600);
    }

    public CliRun.Result await(int seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("tenantctl did not finish within " + seconds + "s");
        }
        return new CliRun.Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** SIGKILL: no shutdown hooks, no finally blocks; what an OOM killer or a pulled plug does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }
}
