package io.tenantctl.provider;

import static io.tenantctl.provider.LivePlanCliTest.AFTER;
import static io.tenantctl.provider.LivePlanCliTest.BEFORE;
import static io.tenantctl.provider.LivePlanCliTest.CONTOSO;
import static io.tenantctl.provider.LivePlanCliTest.JOHN;
import static io.tenantctl.provider.LivePlanCliTest.MSDN;
import static io.tenantctl.provider.LivePlanCliTest.MSMITH_IN_CONTOSO;
import static io.tenantctl.provider.LivePlanCliTest.MSMITH_WORK;
import static io.tenantctl.provider.LivePlanCliTest.contosoWithGuest;
import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.cli.Main;
import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code apply -f}, {@code apply --resume} and {@code drift} through the live provider, from the
 * command line, against the two local fixture servers of {@link LivePlanCliTest} (Contoso and
 * Michael's Default directory, as the seed story finds them).
 */
class LiveApplyCliTest extends LiveSeedTest {

    private static final String SECRET = "not-a-real-secret";

    /** A command line through the live provider to the seed tenants, under the entra profile. */
    private List<String> live(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of(
                "--profile",
                "entra",
                "--state",
                state,
                "--provider",
                "azure",
                "--connections",
                connections.toString()));
        return all;
    }

    private Result run(CliRun cli, String command, String... args) {
        return cli.env("AZURE_CLIENT_SECRET", SECRET).run(live(command, args).toArray(String[]::new));
    }

    private Result applyF(String manifests) {
        return run(cli(), "apply", "-f", manifests, "--auto-approve");
    }

    private Result drift(String manifests, String... extra) {
        List<String> args = new ArrayList<>(List.of("-f", manifests));
        args.addAll(List.of(extra));
        return run(cli(), "drift", args.toArray(String[]::new));
    }

    /** The invitation is answered as its page shows, and from then on Contoso shows Michael's pending guest. */
    private void invitationAnswered() {
        contoso.instead("POST", "/v1.0/invitations", Fixture.of("graph/invitations-create.json"))
                .after(
                        "POST",
                        "/v1.0/invitations",
                        () -> contosoWithGuest("PendingAcceptance").serve(contoso));
    }

    /**
     * The seed story with {@code apply -f} alone, as a GitOps pipeline runs it: each apply plans
     * against what the tenants show now, sends what it can, and stops (exit 4) before what a
     * person must do; the next apply sees it done and goes on, until nothing is left.
     */
    @Test
    void applyDashFPlansAgainstTheTenantsAndChangesThem() throws Exception {
        invitationAnswered();

        Result first = applyF(AFTER);

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);
        assertThat(first.out())
                .contains("1. InviteGuest msmith@hotmail.com to Tenant/contoso")
                .contains("redeem/contoso/msmith@hotmail.com");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> !r.method().equals("GET"))
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /v1.0/invitations");

        // Michael redeemed: the next apply plans again from what the tenants show, and stops before
        // the change of directory.
        contosoWithGuest("Accepted").serve(contoso);
        contoso.on("GET", "/v1.0/users/msmith@hotmail.com", Fixture.of("graph/errors/not-found-after-create.json"))
                .on(
                        "POST",
                        "/v1.0/roleManagement/directory/roleAssignments",
                        Fixture.of("graph/role-assignments-create.json"))
                .after(
                        "POST",
                        "/v1.0/roleManagement/directory/roleAssignments",
                        () -> contosoWithGuest("Accepted")
                                .globalAdministrator(MSMITH_IN_CONTOSO)
                                .serve(contoso));
        Result second = applyF(AFTER);

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);
        assertThat(second.out())
                .as("the invitation is not planned again: the tenant shows the guest")
                .doesNotContain("InviteGuest")
                .contains("AddGlobalAdmin msmith@hotmail.com to Tenant/contoso")
                .contains("directory-request/msdn-1/contoso");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(r -> r.path())
                .containsExactly("/v1.0/invitations", "/v1.0/roleManagement/directory/roleAssignments");

        // Moved and accepted in the portal: John Doe is made an owner, and the story is done.
        String scope = "/subscriptions/" + MSDN;
        String assignment = UUID.nameUUIDFromBytes(
                        (scope + "|" + JOHN + "|" + LiveDirectory.OWNER).getBytes(StandardCharsets.UTF_8))
                .toString();
        contosoWithGuest("Accepted")
                .globalAdministrator(MSMITH_IN_CONTOSO)
                .azure(MSDN, "MSDN", MSMITH_IN_CONTOSO)
                .serve(contoso);
        contoso.after(
                        "PUT",
                        scope + "/providers/Microsoft.Authorization/roleAssignments/" + assignment,
                        () -> contosoWithGuest("Accepted")
                                .globalAdministrator(MSMITH_IN_CONTOSO)
                                .azure(MSDN, "MSDN", MSMITH_IN_CONTOSO, JOHN)
                                .serve(contoso))
                .on(
                        "GET",
                        "/v1.0/users/JohnDoe@contoso.com",
                        Fixture.of("graph/users-get.json").withBody(b -> ((ObjectNode) b).put("id", JOHN)))
                .on(
                        "PUT",
                        scope + "/providers/Microsoft.Authorization/roleAssignments/" + assignment,
                        Fixture.of("arm/role-assignments-create-owner.json"));
        LivePlanCliTest.defaultDirectoryWithoutSubscription().serve(defaultDirectory);
        Result third = applyF(AFTER);

        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.out()).contains("AddOwner JohnDoe@contoso.com to Subscription/msdn-1");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("PUT"))
                .singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"principalId\":\"" + JOHN + "\""));

        Result again = applyF(AFTER);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes");
        Result noDrift = drift(AFTER);
        assertThat(noDrift.exitCode()).as(noDrift.toString()).isZero();
        assertThat(secretsIn(first, second, third, again, noDrift)).isFalse();
    }

    @Test
    void aFailedRequestIsFinishedWithResumeFromTheJournal() throws Exception {
        contoso.on("POST", "/v1.0/invitations", Fixture.failure("graph/errors/error-shape.json", "Request_BadRequest"));

        Result failed = applyF(AFTER);

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("error[request-failed]").contains("Request_BadRequest");

        Result nothingGiven = run(cli(), "apply", "--resume", "--auto-approve");
        assertThat(nothingGiven.exitCode()).as(nothingGiven.toString()).isEqualTo(64);
        assertThat(nothingGiven.err()).contains("--auto-approve has no effect with --resume");

        invitationAnswered();
        Result resumed = run(cli(), "apply", "--resume");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(4);
        assertThat(resumed.out()).contains("redeem/contoso/msmith@hotmail.com");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(r -> r.path())
                .as("the failed invitation is sent again, once")
                .containsExactly("/v1.0/invitations", "/v1.0/invitations");
        Result history = cli().run("history", "--state", state, "-o", "json");
        assertThat(history.out()).contains("\"resumedRun\"");
    }

    @Test
    void theLiveProviderAloneMeansTodaysWorld() {
        Result result = cli().env("AZURE_CLIENT_SECRET", SECRET)
                .run(
                        "apply",
                        "-f",
                        BEFORE,
                        "--auto-approve",
                        "--state",
                        state,
                        "--provider",
                        "azure",
                        "--connections",
                        connections.toString());

        assertThat(result.exitCode())
                .as("without --profile, the state is made under entra, the profile azure works under: " + result)
                .isZero();
        Result classic = cli().run("plan", "-f", BEFORE, "--state", state, "--profile", "classic");
        assertThat(classic.exitCode()).as(classic.toString()).isEqualTo(1);
        assertThat(classic.err()).contains("entra");
    }

    /**
     * {@code apply -f} killed with SIGKILL while its invitation is on its way, in a real process:
     * no plan file was written, and {@code apply --resume} finishes the run from the journal, reads
     * that the invitation took effect, and does not send it again.
     */
    @Test
    void aKilledApplyDashFIsFinishedWithResume() throws Exception {
        invitationAnswered();
        contoso.hold("POST", "/v1.0/invitations");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        command.addAll(live("apply", "-f", AFTER, "--auto-approve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        builder.environment().put("AZURE_CLIENT_SECRET", SECRET);
        Process child = builder.start();
        contoso.awaitRequest("POST", "/v1.0/invitations");
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        contoso.release();
        assertThat(child.exitValue())
                .as(Files.readString(dir.resolve("child.log")))
                .isEqualTo(137);

        Result again = applyF(AFTER);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("was interrupted").contains("apply --resume");

        Result resumed = run(cli(), "apply", "--resume");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(4);
        assertThat(resumed.out()).contains("redeem/contoso/msmith@hotmail.com");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .as("the interrupted invitation took effect: read, not sent again")
                .hasSize(1);
    }

    @Test
    void resumeWithNothingUnfinishedSaysSo() {
        Result adopted = applyF(BEFORE);
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();

        Result resumed = run(cli(), "apply", "--resume");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
        assertThat(resumed.err()).contains("no live apply is unfinished");
    }

    @Test
    void resumeAndConfirmAreRefusedWhereTheyMeanNothing() {
        Result record = cli().run("apply", "--resume", "--state", state);
        assertThat(record.exitCode()).as(record.toString()).isEqualTo(64);
        assertThat(record.err()).contains("--resume finishes a live apply");

        Result withFile = run(cli(), "apply", "--resume", "-f", AFTER);
        assertThat(withFile.exitCode()).as(withFile.toString()).isEqualTo(64);

        Result confirm = run(cli(), "apply", "-f", AFTER, "--auto-approve", "--confirm", "redeem/contoso/x");
        assertThat(confirm.exitCode()).as(confirm.toString()).isEqualTo(64);
        assertThat(confirm.err()).contains("--confirm");
        assertThat(contoso.requests()).isEmpty();
    }

    @Test
    void badManifestsAreReportedWithoutARequest() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: tenantctl.io/v1
                kind: Tenant
                metadata:
                  name: contoso
                spec:
                  displayNam: Contoso
                """);

        Result result = applyF(bad.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains(bad + ":");
        assertThat(contoso.requests()).isEmpty();
        assertThat(dir.resolve("state.db")).doesNotExist();
    }

    @Test
    void aDryRunSendsNothing() {
        Result adopted = applyF(BEFORE);
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();

        Result result = run(cli(), "apply", "-f", AFTER, "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("InviteGuest");
        assertThat(contoso.apiRequests()).allMatch(r -> r.method().equals("GET"));
    }

    @Test
    void driftNamesWhatWasChangedInTheTenantsOutsideTenantctl() {
        Result adopted = applyF(BEFORE);
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
        Result none = drift(BEFORE);
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.out()).contains("No drift");

        // Someone in the portal makes John Doe global administrator instead of Michael.
        new LiveDirectory(CONTOSO, "Contoso")
                .domain("contoso.onmicrosoft.com", true, true)
                .domain("contoso.com", false, true)
                .member(MSMITH_WORK, "msmith@contoso.com", "Michael Smith")
                .member(JOHN, "JohnDoe@contoso.com", "John Doe")
                .globalAdministrator(JOHN)
                .office365("860697e3-b0aa-4196-a6c6-7ec361ed58f7", "ENTERPRISEPACK")
                .serve(contoso);

        Result text = drift(BEFORE);

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(2);
        assertThat(text.out())
                .contains("Tenant/contoso was changed outside tenantctl (the azure provider reads it so in the"
                        + " tenants now)")
                .contains("globalAdministrators")
                .contains("1 object drifted.");

        Result json = drift(BEFORE, "-o", "json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(2);
        JsonNode drift = Json.parse(json.out()).path("drift");
        assertThat(drift.size()).isOne();
        assertThat(drift.get(0).path("observedBy").asString()).isEqualTo("azure");
        assertThat(drift.get(0).path("status").asString()).isEqualTo("changed");

        Result recorded = cli().run("drift", "-f", BEFORE, "--state", state);
        assertThat(recorded.exitCode())
                .as("the record provider sees only the store, where nothing changed: " + recorded)
                .isZero();
    }

    @Test
    void driftOfATenantThatCannotBeReadIsUnknownNotNone() {
        Result adopted = applyF(BEFORE);
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
        contosoUsersUnreadable();

        Result result = drift(BEFORE);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err())
                .contains("error[unseen]")
                .contains("could not be seen")
                .contains("Authorization_RequestDenied")
                .contains("whether they drifted is unknown");
        assertThat(result.out()).doesNotContain("No drift");
    }

    @Test
    void elevatedAccessATokenMayNotReadLeavesNoDeclaredObjectUnknown() {
        Result adopted = applyF(BEFORE);
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
        contoso.instead(
                "GET",
                "/providers/Microsoft.Authorization/roleAssignments",
                Fixture.failure("arm/errors/error-shape.json", "AuthorizationFailed"));

        Result result = drift(BEFORE);

        assertThat(result.exitCode())
                .as("elevated access is status no manifest declares: " + result)
                .isZero();
        assertThat(result.out()).contains("No drift");
    }

    private static boolean secretsIn(Result... results) {
        for (Result r : results) {
            if ((r.out() + r.err()).contains(SECRET)) {
                return true;
            }
        }
        return false;
    }
}
