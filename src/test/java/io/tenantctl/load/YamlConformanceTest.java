package io.tenantctl.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The YAML test suite's inputs ({@code conformance/yaml-test-suite}, MIT, see its {@code License})
 * through {@code tenantctl validate}, as text and as {@code -o json}: every case ends with exit 0
 * or 1 and located diagnostics, never an internal error, a stack trace or a hang, and with
 * {@code -o json} always prints a JSON document. Every input the suite marks invalid (an
 * {@code error} file beside it) is refused, with a {@code yaml} diagnostic except for the known
 * gaps of the parser, which {@code docs/yaml-conformance.md} lists and explains.
 */
class YamlConformanceTest {

    static final Path ROOT = Path.of("src/test/resources/conformance/yaml-test-suite");
    static final Path DOC = Path.of("docs/yaml-conformance.md");

    /**
     * Invalid inputs the parser (SnakeYAML Engine) reads without complaint: each is still refused,
     * by the schema, but not as YAML. The test fails when one of them starts being refused as YAML
     * (a newer parser), so that the list and the documentation cannot rot.
     */
    static final Set<String> KNOWN_GAPS = Set.of("9C9N", "9JBA", "CVW2", "DK95/01", "QB6E", "SU5Z", "Y79Y/003");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files
                    .filter(p -> p.getFileName().toString().equals("in.yaml"))
                    .map(p -> ROOT.relativize(p.getParent()).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void theSuiteIsComplete() throws IOException {
        assertThat(cases()).hasSize(402);
        assertThat(cases().filter(YamlConformanceTest::invalid)).hasSize(94);
        assertThat(ROOT.resolve("License")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void validateEndsWithLocatedDiagnostics(String id) {
        // Some cases are only comments or empty documents: no objects, which validate allows when asked.
        String file = ROOT.resolve(id).resolve("in.yaml").toString();
        CliRun.Result text = CliRun.cli().run("validate", "--no-color", "--allow-empty", "-f", file);
        CliRun.Result json = CliRun.cli().run("validate", "-o", "json", "--allow-empty", "-f", file);

        for (CliRun.Result r : List.of(text, json)) {
            assertThat(r.exitCode()).as("exit code\n%s", r).isIn(0, 1);
            assertThat(r.out() + r.err())
                    .as("no internal error or stack trace\n%s", r)
                    .doesNotContain("internal error")
                    .doesNotContain("Exception")
                    .doesNotContainPattern("\\tat [a-z]");
        }
        assertThat(text.exitCode()).as("text and json agree").isEqualTo(json.exitCode());
        assertThat(json.err()).as("-o json writes only the document\n%s", json).isEmpty();

        JsonNode document = Corpus.JSON.readTree(json.out());
        assertThat(document.path("valid").isBoolean())
                .as("a validate document\n%s", json)
                .isTrue();
        assertThat(document.path("valid").asBoolean()).isEqualTo(json.exitCode() == 0);
        List<String> codes = new ArrayList<>();
        for (JsonNode d : document.path("diagnostics")) {
            codes.add(d.path("code").asString());
            assertThat(d.path("file").asString()).as("located: %s", d).isEqualTo(file);
            assertThat(d.path("line").asInt()).as("located: %s", d).isPositive();
            assertThat(d.path("column").asInt()).as("located: %s", d).isPositive();
        }
        for (String line : text.err().lines().toList()) {
            if (line.contains("error[") || line.contains("warning[")) {
                assertThat(line).as("located").startsWith(file + ":");
            }
        }

        if (invalid(id)) {
            assertThat(json.exitCode()).as("invalid YAML is refused\n%s", text).isEqualTo(1);
            if (KNOWN_GAPS.contains(id)) {
                assertThat(codes)
                        .as("%s is listed as a known gap, but is now refused as YAML: take it off the list", id)
                        .doesNotContain("yaml");
            } else {
                assertThat(codes)
                        .as("invalid YAML gets a yaml diagnostic\n%s", text)
                        .contains("yaml");
            }
        }
    }

    @Test
    void theDocumentedGapsAreTheKnownOnes() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Set<String> documented = new TreeSet<>();
        Matcher m =
                Pattern.compile("(?m)^\\| `([0-9A-Z]{4}(?:/[0-9]{2,3})?)` \\|").matcher(doc);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isEqualTo(new TreeSet<>(KNOWN_GAPS));
    }

    private static boolean invalid(String id) {
        return Files.exists(ROOT.resolve(id).resolve("error"));
    }
}
