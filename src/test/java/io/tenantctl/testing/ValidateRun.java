package io.tenantctl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code tenantctl validate} on a folder twice, as {@code -o json} and as text, checks that the
 * two agree, and returns the diagnostics with file names relative to the folder (in their locations
 * and in their messages).
 */
public final class ValidateRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ValidateRun() {}

    /** One diagnostic; {@code where} is {@code file:line:column} with the file relative to the folder. */
    public record Diag(String severity, String code, String message, String where) {

        @Override
        public String toString() {
            return where + ": " + severity + "[" + code + "]: " + message;
        }
    }

    /** What {@code validate} said about one folder. */
    public record Report(int exitCode, boolean valid, List<Diag> diagnostics, String stderr) {

        public List<Diag> withCode(String code) {
            return diagnostics.stream().filter(d -> d.code().equals(code)).toList();
        }

        public Set<String> codes() {
            TreeSet<String> codes = new TreeSet<>();
            diagnostics.forEach(d -> codes.add(d.code()));
            return codes;
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(d -> d.severity().equals("error"));
        }
    }

    public static Report validate(Path dir) {
        String root = dir.toString();
        CliRun.Result json = CliRun.cli().run("validate", "-f", root, "-o", "json");
        CliRun.Result text = CliRun.cli().run("validate", "-f", root, "--no-color");
        assertThat(json.err()).as("-o json prints nothing on stderr\n%s", json).isEmpty();
        assertThat(text.exitCode()).as("text and json exit codes agree").isEqualTo(json.exitCode());

        JsonNode tree = JSON.readTree(json.out());
        List<Diag> diagnostics = new ArrayList<>();
        StringBuilder expectedText = new StringBuilder();
        for (JsonNode d : tree.get("diagnostics")) {
            // validate reads manifests only, so every problem it finds has a place in one
            assertThat(d.has("file") && d.has("line") && d.has("column"))
                    .as("diagnostic has a location: %s", d)
                    .isTrue();
            String file = d.get("file").asString();
            String where =
                    file + ":" + d.get("line").asInt() + ":" + d.get("column").asInt();
            expectedText
                    .append(where)
                    .append(": ")
                    .append(d.get("severity").asString())
                    .append('[')
                    .append(d.get("code").asString())
                    .append("]: ")
                    .append(d.get("message").asString())
                    .append('\n');
            String prefix = root + File.separator;
            assertThat(file).as("diagnostic file is under the folder given").startsWith(prefix);
            diagnostics.add(new Diag(
                    d.get("severity").asString(),
                    d.get("code").asString(),
                    d.get("message").asString().replace(prefix, ""),
                    where.substring(prefix.length())));
        }
        assertThat(text.err())
                .as("text diagnostics on stderr are the JSON ones, in the same order")
                .startsWith(expectedText.toString());
        boolean valid = tree.get("valid").asBoolean();
        return new Report(json.exitCode(), valid, diagnostics, text.err());
    }
}
