package io.tenantctl.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests for {@code tenantctl validate}: every folder under
 * {@code src/test/resources/scenarios/validate/} is one scenario.
 *
 * <pre>
 * &lt;name&gt;/manifests/      manifests, passed as -f src/test/resources/scenarios/validate/&lt;name&gt;/manifests
 *                      (optional: a scenario may take all its manifests from args)
 * &lt;name&gt;/args            optional; more arguments, one per line ('#' starts a comment line).
 *                      Paths are relative to the project root, e.g. "-f" then
 *                      "manifests/examples/seed/before" to check a shipped example as it is.
 * &lt;name&gt;/expected.json   exact standard output of: validate [-f manifests] ARGS -o json
 * &lt;name&gt;/expected.txt    exact standard error of:  validate [-f manifests] ARGS --no-color
 * &lt;name&gt;/exit            the exit code of both runs
 * </pre>
 *
 * <p>Paths are given relative to the project root (Maven runs tests there), so the file names in
 * the expected output are the same on every machine.
 *
 * <p>To regenerate the expected files after an intended change of output, run
 * {@code mvn -o test -Dtest=ValidateScenarioTest -Dgolden.update=true}: with the system property
 * {@code golden.update=true} the test writes {@code expected.json}, {@code expected.txt} and
 * {@code exit} from what the program does now instead of comparing. Review the diff before
 * committing it. A new scenario needs only its {@code manifests/} (or {@code args}); run with
 * the property once to create its expected files.
 */
class ValidateScenarioTest {

    static final String ROOT = "src/test/resources/scenarios/validate";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(ROOT))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void thereAreScenarios() throws IOException {
        assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name) throws IOException {
        String dir = ROOT + "/" + name;
        List<String> args = new ArrayList<>(List.of("validate"));
        if (Files.isDirectory(Path.of(dir, "manifests"))) {
            args.add("-f");
            args.add(dir + "/manifests");
        }
        args.addAll(extraArgs(Path.of(dir, "args")));
        assertThat(args).as("scenario %s names no manifests", name).contains("-f");

        CliRun.Result json = run(args, "-o", "json");
        CliRun.Result text = run(args, "--no-color");
        assertThat(json.err())
                .as("-o json prints diagnostics in the document, not on stderr\n%s", json)
                .isEmpty();
        assertThat(text.exitCode())
                .as("text and json runs exit alike\n%s", text)
                .isEqualTo(json.exitCode());

        Path expectedJson = Path.of(dir, "expected.json");
        Path expectedText = Path.of(dir, "expected.txt");
        Path expectedExit = Path.of(dir, "exit");
        if (UPDATE) {
            Files.writeString(expectedJson, json.out(), StandardCharsets.UTF_8);
            Files.writeString(expectedText, terminal(text), StandardCharsets.UTF_8);
            Files.writeString(expectedExit, json.exitCode() + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedJson)
                .as("%s has no expected.json; run once with -Dgolden.update=true", name)
                .exists();
        assertThat(json.out()).as("%s: validate -o json", name).isEqualTo(read(expectedJson));
        assertThat(terminal(text))
                .as("%s: validate (stderr, then the verdict)", name)
                .isEqualTo(read(expectedText));
        assertThat(json.exitCode())
                .as("%s: exit code", name)
                .isEqualTo(Integer.parseInt(read(expectedExit).trim()));
    }

    /** What a terminal shows: the diagnostics (standard error), then the verdict (standard output). */
    private static String terminal(CliRun.Result text) {
        return text.err() + text.out();
    }

    private static CliRun.Result run(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return CliRun.cli().run(all.toArray(String[]::new));
    }

    private static List<String> extraArgs(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
