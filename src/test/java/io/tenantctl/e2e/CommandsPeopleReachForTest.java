package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.state.jdbc.StateUrl;
import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, section 5: {@code show}, {@code state list}, {@code state show}, {@code history show},
 * what a plan records of how it was made, and who ran each apply. ({@code force-unlock} has a test
 * of its own, {@link ForceUnlockTest}.)
 */
class CommandsPeopleReachForTest extends OnEachBackend {

    static final String BEFORE = "manifests/examples/seed/before";
    static final String AFTER = "manifests/examples/seed/after";

    private void applyBefore() {
        Result before = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(before.exitCode()).as(before.toString()).isZero();
    }

    @Test
    void showRendersASavedPlanAsTextJsonAndMarkdown() throws Exception {
        applyBefore();
        Path saved = dir.resolve("plan.json");
        Result plan = cli().run("plan", "-f", AFTER, "--prune", "--state", state, "--out", saved.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        String digest = Json.parse(Files.readString(saved)).path("digest").asString();

        Result text = cli().run("show", saved.toString());
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out())
                .startsWith("Plan of applyset default against the state at "
                        + StateUrl.parse(state).display() + ", revision 1.\nMade by tenantctl ")
                .contains(" at 2026-01-02T03:04:05Z, with --prune on (--max-prune 25%).\n")
                .contains("  1. AddGlobalAdmin msmith@hotmail.com to Tenant/contoso")
                .endsWith("Digest: " + digest + "\n");
        assertThat(text.err()).contains("warning[portal-access]");

        Result json = cli().run("show", saved.toString(), "-o", "json");
        assertThat(json.out()).as("the document as saved").isEqualTo(Files.readString(saved));

        Result markdown = cli().run("show", saved.toString(), "-o", "markdown");
        assertThat(markdown.exitCode()).as(markdown.toString()).isZero();
        assertThat(markdown.out())
                .startsWith("### tenantctl plan")
                .contains("AddGlobalAdmin")
                .contains(digest);

        Files.writeString(saved, Files.readString(saved).replace("msmith@hotmail.com", "mallory@hotmail.com"));
        Result edited = cli().run("show", saved.toString());
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.err()).contains("error[plan-digest]");
        assertThat(cli().run("show", saved.toString(), "-o", "yaml").exitCode()).isEqualTo(64);
    }

    @Test
    void aPlanRecordsTheToolItsTimeAndItsOptionsOutsideTheDigest() {
        applyBefore();
        JsonNode plan = Json.parse(cli().run(
                        "plan",
                        "-f",
                        AFTER,
                        "--state",
                        state,
                        "--as",
                        "msmith@hotmail.com",
                        "--as",
                        "msmith@contoso.com",
                        "--applyset",
                        "default",
                        "--prune",
                        "--max-prune",
                        "50%",
                        "-o",
                        "json")
                .out());
        JsonNode made = plan.path("made");
        assertThat(made.path("tenantctl").asString()).isNotEmpty().doesNotContain("${");
        assertThat(made.path("at").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(made.path("state").asString())
                .isEqualTo(StateUrl.parse(state).display());
        assertThat(made.path("stateExists").asBoolean()).isTrue();
        assertThat(made.path("prune").asBoolean()).isTrue();
        assertThat(made.path("maxPrune").asDouble()).isEqualTo(0.5);
        assertThat(made.path("forceAdopt").asBoolean()).isFalse();
        assertThat(plan.path("applyset").asString()).isEqualTo("default");
        assertThat(plan.path("as").toString()).isEqualTo("[\"msmith@hotmail.com\",\"msmith@contoso.com\"]");

        // Made later, by the same inputs: the same digest; the document says when.
        JsonNode later = Json.parse(cli().clock(Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC))
                .run(
                        "plan",
                        "-f",
                        AFTER,
                        "--state",
                        state,
                        "--as",
                        "msmith@hotmail.com",
                        "--as",
                        "msmith@contoso.com",
                        "--prune",
                        "--max-prune",
                        "50%",
                        "-o",
                        "json")
                .out());
        assertThat(later.path("made").path("at").asString()).isEqualTo("2026-02-03T04:05:06Z");
        assertThat(later.path("digest")).isEqualTo(plan.path("digest"));
    }

    @Test
    void stateListAndStateShowNameEveryObjectAndWhoOwnsIt() {
        applyBefore();
        Result list = cli().run("state", "list", "--state", state);
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out())
                .isEqualTo("Tenant/contoso\nTenant/default-directory\nAccount/john-doe\nAccount/msmith-contoso\n"
                        + "Account/msmith-hotmail\nSubscription/contoso-office365\nSubscription/msdn-1\n");
        assertThat(cli().run("state", "list", "subscriptions", "--state", state).out())
                .isEqualTo("Subscription/contoso-office365\nSubscription/msdn-1\n");
        assertThat(cli().run("state", "list", "--applyset", "other", "--state", state)
                        .out())
                .isEmpty();

        Result show = cli().run("state", "show", "subscription/msdn-1", "--state", state);
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).isEqualTo("""
                        # Subscription/msdn-1
                        # applyset: default
                        # last written in revision 1
                        # source: paths=manifests/examples/seed/before
                        ---
                        apiVersion: tenantctl.io/v1
                        kind: Subscription
                        metadata:
                          name: msdn-1
                        spec:
                          offer: Azure
                          tenant: default-directory
                          displayName: MSDN
                          accountAdministrator: msmith@hotmail.com
                          serviceAdministrator: msmith@hotmail.com
                        """);
        JsonNode json = Json.parse(cli().run("state", "show", "Tenant/contoso", "-o", "json", "--state", state)
                .out());
        assertThat(json.path("object").path("spec").path("displayName").asString())
                .isEqualTo("Contoso");
        assertThat(json.path("applyset").asString()).isEqualTo("default");
        assertThat(json.path("revision").asLong()).isEqualTo(1);

        Result missing = cli().run("state", "show", "Tenant/contso", "--state", state);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Tenant/contso is not in the state").contains("did you mean 'contoso'?");
        assertThat(cli().run("state", "show", "contoso", "--state", state).exitCode())
                .isEqualTo(64);
    }

    @Test
    void historyShowIsWhatOneApplyChangedAgainstTheRevisionBefore() {
        applyBefore();
        Result after = cli().env("TENANTCTL_OPERATOR", "Jane Admin")
                .run("apply", "-f", AFTER, "--auto-approve", "--state", state);
        assertThat(after.exitCode()).as(after.toString()).isZero();

        Result show = cli().run("history", "show", "2", "--state", state);

        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out())
                .startsWith("Revision 2 applied at 2026-01-02T03:04:05Z by Jane Admin\n"
                        + "  applyset default, source paths=manifests/examples/seed/after\n")
                .contains("""
                        Changes against revision 1:
                        ~ Tenant/contoso was updated
                            ~ spec.globalAdministrators:
                                + msmith@hotmail.com
                        ~ Subscription/msdn-1 was updated
                            ~ spec.tenant: "default-directory" -> "contoso"
                            + spec.coAdministrators: ["johndoe@contoso.com"]
                        """)
                .contains(
                        "  2. TransferSubscription Subscription/msdn-1 from Tenant/default-directory to Tenant/contoso");
        Result first = cli().run("history", "show", "1", "--state", state);
        assertThat(first.out())
                .contains("Changes against revision 0:\n+ Tenant/contoso was created\n")
                .contains("+ Account/msmith-contoso was created")
                .as("the founder's account, created by the sign-up's effect")
                .contains("    + spec.signInName: \"msmith@contoso.com\"");
        JsonNode json = Json.parse(cli().run("history", "show", "2", "-o", "json", "--state", state)
                .out());
        assertThat(json.path("changes")).hasSize(2);
        assertThat(json.path("changes")
                        .get(1)
                        .path("fields")
                        .get(0)
                        .path("before")
                        .asString())
                .isEqualTo("default-directory");
        assertThat(json.path("operator").path("user").asString()).isEqualTo("Jane Admin");

        Result none = cli().run("history", "show", "3", "--state", state);
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("has no revision 3 (it is at revision 2)");
    }

    @Test
    void theHistoryRecordsWhoRanEachApplyAndTheCiRun() {
        Result ci = cli().env("GITHUB_ACTIONS", "true")
                .env("GITHUB_SERVER_URL", "https://github.com")
                .env("GITHUB_REPOSITORY", "contoso/tenants")
                .env("GITHUB_RUN_ID", "4242")
                .env("GITHUB_ACTOR", "msmith")
                .env("TENANTCTL_OPERATOR", "runner-7")
                .run("apply", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(ci.exitCode()).as(ci.toString()).isZero();
        Result gitlab = cli().env("GITLAB_CI", "true")
                .env("CI_JOB_URL", "https://gitlab.example/contoso/tenants/-/jobs/17")
                .env("GITLAB_USER_LOGIN", "jdoe")
                .env("TENANTCTL_OPERATOR", "gitlab-runner")
                .run("apply", "-f", AFTER, "--auto-approve", "--state", state);
        assertThat(gitlab.exitCode()).as(gitlab.toString()).isZero();

        JsonNode items = Json.parse(
                        cli().run("history", "-o", "json", "--state", state).out())
                .path("items");
        assertThat(items.get(1).path("operator").toString())
                .isEqualTo(
                        "{\"ci\":\"GitHub Actions\",\"run\":\"https://github.com/contoso/tenants/actions/runs/4242\","
                                + "\"triggeredBy\":\"msmith\",\"user\":\"runner-7\"}");
        assertThat(items.get(0).path("operator").toString())
                .isEqualTo("{\"ci\":\"GitLab CI\",\"run\":\"https://gitlab.example/contoso/tenants/-/jobs/17\","
                        + "\"triggeredBy\":\"jdoe\",\"user\":\"gitlab-runner\"}");
        assertThat(cli().run("history", "--state", state).out())
                .contains("BY")
                .contains("gitlab-runner (GitLab CI, by jdoe)")
                .contains("runner-7 (GitHub Actions, by msmith)");
        Result plain = cli().run("history", "show", "1", "--state", state);
        assertThat(plain.out())
                .startsWith("Revision 1 applied at 2026-01-02T03:04:05Z by runner-7 (GitHub Actions, by msmith),"
                        + " run https://github.com/contoso/tenants/actions/runs/4242\n");
    }
}
