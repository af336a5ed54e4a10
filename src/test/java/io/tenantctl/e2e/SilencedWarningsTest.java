package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Codes;
import io.tenantctl.json.Json;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.testing.CliRun.Result;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, section 4: warnings silenced on one object by its annotation
 * {@code tenantctl.io/ignore-warnings}, or in a whole run by {@code --ignore-warnings}; a code that
 * is no warning's refused (located in a manifest, a usage error on the command line); errors never
 * silenced; and every run saying how many warnings it silenced, by code.
 *
 * <p>The manifests: two tenants with one global administrator each, who holds no subscription
 * role. Each tenant has a {@code global-admin-count} warning (at its administrators, line 10 of
 * its file) and a {@code portal-access} one (at the administrator, line 10 too); contoso's
 * annotation, when it has one, is on line 6.
 */
class SilencedWarningsTest {

    @TempDir
    Path dir;

    private static String tenant(String name, String annotation) {
        return "apiVersion: tenantctl.io/v1\n"
                + "kind: Tenant\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + (annotation.isEmpty()
                        ? "  labels:\n    team: it\n"
                        : "  annotations:\n    tenantctl.io/ignore-warnings: " + annotation + "\n")
                + "spec:\n"
                + "  displayName: " + name + "\n"
                + "  initialDomain: " + name + ".onmicrosoft.com\n"
                + "  globalAdministrators: [admin@" + name + ".onmicrosoft.com]\n"
                + "---\n"
                + "apiVersion: tenantctl.io/v1\n"
                + "kind: Account\n"
                + "metadata:\n"
                + "  name: " + name + "-admin\n"
                + "spec:\n"
                + "  signInName: admin@" + name + ".onmicrosoft.com\n"
                + "  type: WorkOrSchool\n";
    }

    /** The two tenants, contoso with the annotation given (none when empty). */
    private Path manifests(String contosoAnnotation) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("m"));
        Files.writeString(folder.resolve("contoso.yaml"), tenant("contoso", contosoAnnotation));
        Files.writeString(folder.resolve("fabrikam.yaml"), tenant("fabrikam", ""));
        return folder;
    }

    private String state() {
        return "sqlite:" + dir.resolve("state.db");
    }

    @Test
    void withNothingSilencedEveryWarningShowsAndNothingIsCounted() throws Exception {
        Path m = manifests("");

        Result validate = cli().run("validate", "--no-color", "-f", m.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.err().lines()).hasSize(4);
        assertThat(validate.out()).isEqualTo("Valid: 4 objects, 0 errors, 4 warnings.\n");
        JsonNode json = Json.parse(
                cli().run("validate", "-o", "json", "-f", m.toString()).out());
        assertThat(json.has("silencedWarnings")).isFalse();
        JsonNode plan = Json.parse(cli().run("plan", "-o", "json", "-f", m.toString(), "--state", state())
                .out());
        assertThat(plan.path("summary").has("silencedWarnings"))
                .as("written only when some are, so that older plan files keep their bytes")
                .isFalse();
    }

    @Test
    void theAnnotationSilencesItsCodesOnItsOwnObjectOnly() throws Exception {
        Path m = manifests("global-admin-count");

        Result validate = cli().run("validate", "--no-color", "-f", m.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.err())
                .contains(
                        "fabrikam.yaml:10:25: warning[global-admin-count]: Tenant/fabrikam has 1 global administrator")
                .contains("contoso.yaml:10:26: warning[portal-access]: global administrator admin@contoso")
                .contains("fabrikam.yaml:10:26: warning[portal-access]")
                .doesNotContain("Tenant/contoso has 1 global administrator");
        assertThat(validate.err().lines()).hasSize(3);
        assertThat(validate.out())
                .isEqualTo("Valid: 4 objects, 0 errors, 3 warnings; 1 warning silenced (global-admin-count).\n");

        Result plan = cli().run("plan", "--no-color", "-f", m.toString(), "--state", state());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.err()).doesNotContain("Tenant/contoso has 1 global administrator");
        assertThat(plan.out()).endsWith(" steps.\n1 warning silenced (global-admin-count).\n");
    }

    @Test
    void theRunSilencesItsCodesEverywhereRepeatedOrCommaSeparated() throws Exception {
        Path m = manifests("");

        for (String[] flags : new String[][] {
            {"--ignore-warnings", "portal-access"}, {"--ignore-warnings=portal-access"},
        }) {
            Result one = cli().run(concat(new String[] {"validate", "--no-color", "-f", m.toString()}, flags));
            assertThat(one.exitCode()).as(one.toString()).isZero();
            assertThat(one.err()).doesNotContain("portal-access").contains("global-admin-count");
            assertThat(one.out())
                    .isEqualTo("Valid: 4 objects, 0 errors, 2 warnings; 2 warnings silenced (portal-access x2).\n");
        }
        Result repeated = cli().run(
                        "validate",
                        "-f",
                        m.toString(),
                        "--ignore-warnings",
                        "portal-access",
                        "--ignore-warnings",
                        "global-admin-count");
        Result comma =
                cli().run("validate", "-f", m.toString(), "--ignore-warnings", "portal-access,global-admin-count");
        for (Result r : new Result[] {repeated, comma}) {
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out())
                    .isEqualTo("Valid: 4 objects, 0 errors, 0 warnings;"
                            + " 4 warnings silenced (global-admin-count x2, portal-access x2).\n");
        }
        JsonNode json =
                Json.parse(cli().run("validate", "-o", "json", "-f", m.toString(), "--ignore-warnings", "portal-access")
                        .out());
        assertThat(json.path("valid").asBoolean()).isTrue();
        assertThat(json.path("diagnostics")).hasSize(2);
        assertThat(json.path("silencedWarnings").path("portal-access").asInt()).isEqualTo(2);
    }

    @Test
    void aPlanCountsWhatTheAnnotationAndTheRunSilencedInItsJsonTextAndMarkdown() throws Exception {
        Path m = manifests("global-admin-count");
        Path saved = dir.resolve("plan.json");

        Result plan = cli().run(
                        "plan",
                        "-f",
                        m.toString(),
                        "--ignore-warnings",
                        "portal-access",
                        "--state",
                        state(),
                        "--out",
                        saved.toString(),
                        "-o",
                        "json");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode doc = Json.parse(plan.out());
        assertThat(Json.MAPPER.convertValue(doc.path("summary").path("silencedWarnings"), Map.class))
                .isEqualTo(Map.of("global-admin-count", 1, "portal-access", 2));
        assertThat(doc.path("diagnostics")).hasSize(1);
        assertThat(doc.path("diagnostics").get(0).path("message").asString())
                .startsWith("Tenant/fabrikam has 1 global administrator");
        assertThat(plan.err()).contains("warning[global-admin-count]").doesNotContain("portal-access");

        // the same inputs, the same bytes; and the saved plan reads and writes back byte for byte
        Result again = cli().run(
                        "plan",
                        "-f",
                        m.toString(),
                        "--ignore-warnings",
                        "portal-access",
                        "--state",
                        state(),
                        "-o",
                        "json");
        assertThat(again.out()).isEqualTo(plan.out());
        String text = Files.readString(saved, StandardCharsets.UTF_8);
        StringWriter written = new StringWriter();
        PlanWriter.write(PlanReader.read(text), written);
        assertThat(written.toString()).isEqualTo(text);

        Result shown = cli().run("show", saved.toString(), "--no-color");
        assertThat(shown.out()).contains("\n3 warnings silenced (global-admin-count, portal-access x2).\n");
        Result markdown = cli().run("show", saved.toString(), "-o", "markdown");
        assertThat(markdown.out()).contains("| warnings silenced (`global-admin-count`, `portal-access` ×2) | 3 |");

        Result applied = cli().run("apply", saved.toString(), "--state", state());
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "apply"})
    void aMistypedCodeOnTheCommandLineIsAUsageErrorWithADidYouMean(String command) throws Exception {
        Path m = manifests("");

        Result typo = cli().run(withCode(command, m, "portal-acess"));
        Result error = cli().run(withCode(command, m, "domain-conflict"));

        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(64);
        assertThat(typo.err())
                .startsWith("error: invalid --ignore-warnings: 'portal-acess' is not the code of a warning; did you"
                        + " mean 'portal-access'? (the warnings that can be silenced: adopt, global-admin-count,"
                        + " portal-access, protected, unmanaged, unseen)\n");
        assertThat(error.exitCode()).as(error.toString()).isEqualTo(64);
        assertThat(error.err())
                .startsWith("error: invalid --ignore-warnings: 'domain-conflict' is an error, and errors are never"
                        + " silenced");
        assertThat(typo.out() + error.out()).isEmpty();
        assertThat(dir.resolve("state.db")).doesNotExist();
    }

    @Test
    void aCodeTheAnnotationCannotSilenceIsALocatedErrorReportedWithEveryOtherProblem() throws Exception {
        Path m = manifests("portal-acess, no-global-admin,global-admin-count");
        Files.writeString(
                m.resolve("broken.yaml"),
                "apiVersion: tenantctl.io/v1\nkind: Account\nmetadata:\n  name: broken\nspec:\n  type: WorkOrSchool\n");

        Result validate = cli().run("validate", "--no-color", "-f", m.toString());
        Result plan = cli().run("plan", "--no-color", "-f", m.toString(), "--state", state());

        for (Result r : new Result[] {validate, plan}) {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err())
                    .contains(m.resolve("contoso.yaml") + ":6:35: error[ignore-warnings]: tenantctl.io/ignore-warnings:"
                            + " 'portal-acess' is not the code of a warning; did you mean 'portal-access'?")
                    .contains(m.resolve("contoso.yaml") + ":6:35: error[ignore-warnings]: tenantctl.io/ignore-warnings:"
                            + " 'no-global-admin' is an error, and errors are never silenced")
                    .contains("broken.yaml")
                    .contains("error[schema]");
        }
        assertThat(validate.out()).startsWith("Invalid: 3 errors,");
        assertThat(dir.resolve("state.db")).doesNotExist();
    }

    @Test
    void errorsAreNeverSilencedNeitherByTheRunNorByTheAnnotation() throws Exception {
        Path m = manifests("adopt");
        Result first = cli().run("apply", "-f", m.toString(), "--auto-approve", "--state", state());
        assertThat(first.exitCode()).as(first.toString()).isZero();

        // another applyset declaring the same objects: adopt is an error without --force-adopt
        Result refused = cli().run(
                        "plan",
                        "-f",
                        m.toString(),
                        "--applyset",
                        "other",
                        "--ignore-warnings",
                        "adopt",
                        "--state",
                        state());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("error[adopt]: Tenant/contoso belongs to applyset default");
        assertThat(refused.out()).doesNotContain("silenced");

        // with --force-adopt it is a warning, silenced on contoso by its annotation only
        Result adopted = cli().run(
                        "plan",
                        "--no-color",
                        "-f",
                        m.toString(),
                        "--applyset",
                        "other",
                        "--force-adopt",
                        "--state",
                        state());
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
        assertThat(adopted.err())
                .contains("warning[adopt]: Tenant/fabrikam moves from applyset default")
                .doesNotContain("Tenant/contoso moves");
        assertThat(adopted.out()).contains("\n1 warning silenced (adopt).\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "apply"})
    void theHelpListsTheCodesThatCanBeSilenced(String command) {
        Result help = cli().run(command, "--help");

        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("--ignore-warnings=CODE[,CODE...]")
                .contains("The codes: " + String.join(", ", Codes.WARNINGS) + ".");
    }

    @Test
    void aSavedPlanTakesNoIgnoreWarnings() throws Exception {
        Path m = manifests("");
        Path saved = dir.resolve("plan.json");
        assertThat(cli().run("plan", "-f", m.toString(), "--state", state(), "--out", saved.toString())
                        .exitCode())
                .isZero();

        Result apply = cli().run("apply", saved.toString(), "--ignore-warnings", "portal-access", "--state", state());

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(64);
        assertThat(apply.err()).startsWith("error: --ignore-warnings has no effect with a saved plan");
    }

    /** The command with what it needs to run, and {@code --ignore-warnings CODE}. */
    private String[] withCode(String command, Path m, String code) {
        return switch (command) {
            case "validate" -> new String[] {command, "-f", m.toString(), "--ignore-warnings", code};
            case "plan" -> new String[] {command, "-f", m.toString(), "--state", state(), "--ignore-warnings", code};
            default ->
                new String[] {
                    command, "-f", m.toString(), "--auto-approve", "--state", state(), "--ignore-warnings", code
                };
        };
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
