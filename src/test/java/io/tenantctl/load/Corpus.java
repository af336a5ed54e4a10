package io.tenantctl.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared pieces of the input corpus tests: fixtures, generated files, and running {@code validate}. */
final class Corpus {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One valid Account manifest that validates on its own; its line 7 is free for one more field. */
    static final String ACCOUNT = """
            apiVersion: tenantctl.io/v1
            kind: Account
            metadata: {name: NAME}
            spec:
              signInName: NAME@hotmail.com
              type: MicrosoftAccount
            """;

    private Corpus() {}

    static String account(String name) {
        return ACCOUNT.replace("NAME", name);
    }

    /** A fixture of {@code src/test/resources/corpus/<folder>}, as a path on disk. */
    static Path fixture(String folder, String name) {
        URL url = Corpus.class.getResource("/corpus/" + folder + "/" + name);
        assertThat(url).as("fixture corpus/%s/%s", folder, name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code head}, then {@code count} copies of {@code unit}, then {@code tail}, without holding it all. */
    static Path repeat(Path file, String head, String unit, long count, String tail) {
        byte[] chunk =
                unit.repeat(Math.max(1, 65_536 / Math.max(1, unit.length()))).getBytes(StandardCharsets.UTF_8);
        long perChunk = Math.max(1, 65_536 / Math.max(1, unit.length()));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            long left = count;
            while (left >= perChunk) {
                out.write(chunk);
                left -= perChunk;
            }
            out.write(unit.repeat((int) left).getBytes(StandardCharsets.UTF_8));
            out.write(tail.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void symlink(Path link, Path target) {
        try {
            Files.createDirectories(link.toAbsolutePath().getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot create symbolic link " + link, e);
        }
    }

    /** A diagnostic as {@code validate -o json} prints it. */
    record Diag(String severity, String code, String message, String file, int line, int column) {

        static Diag of(JsonNode node) {
            return new Diag(
                    node.path("severity").asString(),
                    node.path("code").asString(),
                    node.path("message").asString(),
                    node.path("file").asString(),
                    node.path("line").asInt(),
                    node.path("column").asInt());
        }

        /** The form the text output gives it, without the severity word's styling. */
        String text() {
            return file + ":" + line + ":" + column + ": " + severity + "[" + code + "]: " + message;
        }
    }

    /** What {@code validate} did, in both output formats. */
    record Outcome(CliRun.Result text, CliRun.Result json, boolean valid, List<Diag> diagnostics) {

        long errors() {
            return diagnostics.stream()
                    .filter(d -> d.severity().equals("error"))
                    .count();
        }
    }

    /** Runs {@code validate} twice, as text and as JSON, with the same input. */
    static Outcome validate(byte[] stdin, String... paths) {
        return validate(stdin, List.of(), paths);
    }

    /** {@code validate} with more options ({@code --allow-empty}) before the paths. */
    static Outcome validate(byte[] stdin, List<String> options, String... paths) {
        List<String> args = new ArrayList<>(List.of("validate", "--no-color"));
        args.addAll(options);
        for (String path : paths) {
            args.add("-f");
            args.add(path);
        }
        CliRun.Result text = CliRun.cli().stdin(stdin).run(args.toArray(String[]::new));
        args.add("-o");
        args.add("json");
        CliRun.Result json = CliRun.cli().stdin(stdin).run(args.toArray(String[]::new));

        assertNoStackTrace(text);
        assertNoStackTrace(json);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.isObject())
                .as("validate -o json prints one JSON object:%n%s", json)
                .isTrue();
        List<Diag> diagnostics = new ArrayList<>();
        root.path("diagnostics").forEach(node -> diagnostics.add(Diag.of(node)));
        assertThat(text.exitCode())
                .as("the text and JSON runs agree:%n%s%n%s", text, json)
                .isEqualTo(json.exitCode());
        return new Outcome(text, json, root.path("valid").asBoolean(), diagnostics);
    }

    static Outcome validate(String... paths) {
        return validate(new byte[0], paths);
    }

    static void assertNoStackTrace(CliRun.Result result) {
        String all = result.out() + result.err();
        assertThat(all)
                .as("no stack trace:%n%s", result)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
    }
}
