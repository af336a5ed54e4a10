package io.tenantctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems that involve an object only the state holds, seen through {@code plan}: the seed
 * story's start is applied, then manifests that leave some of it out are planned. Each problem is
 * reported once, at the line of the manifests that causes it, noting which object is only in the
 * state; names are spelled as the manifests declare them, in errors as in steps.
 */
class StateOnlyObjectsTest {

    private static final String BEFORE = "manifests/examples/seed/before";
    private static final Pattern DIAGNOSTIC = Pattern.compile(".*(error|warning)\\[[a-z0-9-]+\\]: .*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private String state;

    @BeforeEach
    void applyTheSeedsStart() {
        state = "sqlite:" + dir.resolve("state.db");
        Result applied = CliRun.cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(applied.exitCode()).as("%s", applied).isZero();
    }

    @Test
    void aConflictWithATenantOnlyTheStateHoldsIsReportedOnceAtTheDeclaredClaim() throws IOException {
        Path directory = write(
                "default-directory.yaml",
                seed("default-directory.yaml")
                        .replace(
                                "  initialDomain: msmithhotmail.onmicrosoft.com\n",
                                "  initialDomain: msmithhotmail.onmicrosoft.com\n  domains: [Contoso.com]\n"));

        Result plan = plan(directory, Path.of(BEFORE, "accounts.yaml"));

        assertThat(errors(plan))
                .containsExactly(directory + ":10:13: error[domain-conflict]: domain Contoso.com is claimed by"
                        + " Tenant/contoso and Tenant/default-directory; a domain belongs to one tenant only;"
                        + " Tenant/contoso is only in the current state (the manifests do not declare it)");
        assertThat(plan.exitCode()).isEqualTo(1);
    }

    @Test
    void aMicrosoftAccountOnlyTheStateHoldsBlamesTheDomainJustAdded() throws IOException {
        Path directory = write(
                "default-directory.yaml",
                seed("default-directory.yaml")
                        .replace(
                                "  initialDomain: msmithhotmail.onmicrosoft.com\n",
                                "  initialDomain: msmithhotmail.onmicrosoft.com\n  domains: [hotmail.com]\n"));

        Result plan = plan(directory, Path.of(BEFORE, "contoso.yaml"));

        assertThat(errors(plan))
                .containsExactly(directory + ":10:13: error[microsoft-account-domain]: domain hotmail.com of"
                        + " Tenant/default-directory is the domain of Microsoft account msmith@hotmail.com; the same"
                        + " name would be both a Microsoft account and a work or school account;"
                        + " Account/msmith-hotmail is only in the current state (the manifests do not declare it)");
        JsonNode json = JSON.readTree(
                planJson(directory, Path.of(BEFORE, "contoso.yaml")).out());
        assertThat(json.path("diagnostics").get(0).path("file").asString()).isEqualTo(directory.toString());
        assertThat(json.path("diagnostics").get(0).path("line").asInt()).isEqualTo(10);
    }

    @Test
    void aRenamedTenantIsToldItIsOneDirectoryDeclaredTwice() throws IOException {
        Path contoso = write("contoso.yaml", seed("contoso.yaml").replace("name: contoso\n", "name: contoso-ltd\n"));

        Result plan = plan(contoso, Path.of(BEFORE, "accounts.yaml"), Path.of(BEFORE, "default-directory.yaml"));

        // One error for the rename, not one per domain the two tenants share.
        assertThat(errors(plan))
                .containsExactly(contoso + ":8:18: error[domain-conflict]: domain contoso.onmicrosoft.com is the"
                        + " initial domain of Tenant/contoso and Tenant/contoso-ltd, so they are one directory declared"
                        + " twice; a tenant's metadata.name never changes: if one is the other renamed, keep the old"
                        + " name (change displayName instead); Tenant/contoso is only in the current state (the"
                        + " manifests do not declare it)");
    }

    @Test
    void anAccountIsSpelledAsItsManifestDeclaresItInErrorsAsInSteps() {
        Result plan = CliRun.cli()
                .run(
                        "plan",
                        "--no-color",
                        "-f",
                        "manifests/examples/seed/after",
                        "--state",
                        state,
                        "--as",
                        "msmith@hotmail.com");

        // One error per root cause: the co-administrator's step waits for it and is counted in it.
        assertThat(errors(plan))
                .containsExactly("manifests/examples/seed/after/contoso.yaml:12:46: error[unauthorized]: AddGlobalAdmin"
                        + " msmith@hotmail.com to Tenant/contoso needs global administrator of Tenant/contoso; held by"
                        + " msmith@contoso.com, and none of them is among the --as identities (msmith@hotmail.com)"
                        + " (and 2 steps that wait for it)");
        Result planned =
                CliRun.cli().run("plan", "--no-color", "-f", "manifests/examples/seed/after", "--state", state);
        assertThat(planned.out()).contains("AddCoAdmin JohnDoe@contoso.com to Subscription/msdn-1");

        assertThat(plan.err()).doesNotContain("johndoe@contoso.com");
    }

    private Result plan(Path... files) {
        return CliRun.cli().run(args(List.of("--no-color"), files));
    }

    private Result planJson(Path... files) {
        return CliRun.cli().run(args(List.of("-o", "json"), files));
    }

    private String[] args(List<String> flags, Path... files) {
        List<String> args = new ArrayList<>(List.of("plan", "--state", state));
        args.addAll(flags);
        for (Path file : files) {
            args.add("-f");
            args.add(file.toString());
        }
        return args.toArray(String[]::new);
    }

    private static List<String> errors(Result run) {
        return run.err()
                .lines()
                .filter(l -> DIAGNOSTIC.matcher(l).matches() && l.contains("error["))
                .toList();
    }

    private static String seed(String file) throws IOException {
        return Files.readString(Path.of(BEFORE, file), StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
