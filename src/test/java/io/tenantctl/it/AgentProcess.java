package io.tenantctl.it;

import io.tenantctl.testing.Child;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code tenantctl agent} as a real process of the packaged jar, in a folder of its own. */
final class AgentProcess {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Child child;
    private final Path dir;

    private AgentProcess(Child child, Path dir) {
        this.child = child;
        this.dir = dir;
    }

    static AgentProcess start(Path dir, Path config) throws IOException {
        Files.createDirectories(dir);
        return new AgentProcess(
                Child.start(dir, "agent", "--config", config.toAbsolutePath().toString()), dir);
    }

    long pid() {
        return child.pid();
    }

    Child child() {
        return child;
    }

    /** What it has logged so far (standard error). */
    String log() {
        try (Stream<Path> files = Files.list(dir)) {
            Path err = files.filter(p -> p.getFileName().toString().endsWith(".err"))
                    .findFirst()
                    .orElseThrow();
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded, for a broken agent) until the log satisfies {@code until}. */
    String awaitLog(String what, Predicate<String> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String log = log();
            if (until.test(log)) {
                return log;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the agent ended before " + what + ":\n" + log);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the agent never logged " + what + ":\n" + log());
    }

    int port() throws InterruptedException {
        Matcher m =
                LISTENING.matcher(awaitLog("its port", l -> LISTENING.matcher(l).find()));
        if (!m.find()) {
            throw new AssertionError("no port");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The value of one series on its /metrics (0 when absent). */
    double metric(String series) throws Exception {
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        for (String line : body.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1));
            }
        }
        return 0;
    }

    /** Writes a configuration with one source, and no webhook or API token. */
    static Path config(Path file, String state, Path workDir, String url, String extra) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, """
                apiVersion: tenantctl.io/v1
                kind: AgentConfig
                state: %s
                listen: 127.0.0.1:0
                workDir: %s
                sources:
                  - name: seed
                    url: %s
                    paths: [manifests]
                %s
                """.formatted(state, workDir, url, extra.indent(4).stripTrailing()));
        return file;
    }
}
