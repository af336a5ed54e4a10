package io.tenantctl.provider;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code plan --provider azure} through the command line, against two local fixture servers that
 * answer as the seed story's two directories do before it starts (issue 12's example, in today's
 * world): the tenant Contoso with Michael's work account as global administrator and its Office 365
 * subscription, and the Default directory Michael created with his Microsoft account, which trusts
 * the MSDN subscription he owns.
 */
class LivePlanCliTest extends LiveSeedTest {

    static final String BEFORE = "manifests/examples/entra/seed/before";
    static final String AFTER = "manifests/examples/entra/seed/after";

    static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String DEFAULT = "8f70baf1-1f6e-46a2-a1ff-238dac1ebfb7";
    static final String MSMITH_WORK = "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0";
    static final String JOHN = "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e";
    static final String MSMITH_GUEST = "39807bd1-3dde-48f3-8165-81ddd4e46de0";
    static final String MSDN = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";

    /** Contoso before the story: Michael's work account is its global administrator. */
    static LiveDirectory seedBefore() {
        return new LiveDirectory(CONTOSO, "Contoso")
                .domain("contoso.onmicrosoft.com", true, true)
                .domain("contoso.com", false, true)
                .member(MSMITH_WORK, "msmith@contoso.com", "Michael Smith")
                .member(JOHN, "JohnDoe@contoso.com", "John Doe")
                .globalAdministrator(MSMITH_WORK)
                .office365("860697e3-b0aa-4196-a6c6-7ec361ed58f7", "ENTERPRISEPACK");
    }

    /**
     * The Default directory: Michael, with his Microsoft account, created it, so he is in it from
     * the start as an external user that never had an invitation to redeem.
     */
    static LiveDirectory defaultDirectoryBefore() {
        return defaultDirectoryWithoutSubscription().azure(MSDN, "MSDN", MSMITH_GUEST);
    }

    /** The Default directory once the MSDN subscription moved to Contoso. */
    static LiveDirectory defaultDirectoryWithoutSubscription() {
        return new LiveDirectory(DEFAULT, "Default directory")
                .domain("msmithhotmail.onmicrosoft.com", true, true)
                .guest(
                        MSMITH_GUEST,
                        "msmith_hotmail.com#EXT#@msmithhotmail.onmicrosoft.com",
                        "msmith@hotmail.com",
                        "Michael Smith",
                        null)
                .globalAdministrator(MSMITH_GUEST);
    }

    private Result plan(String manifests, String... extra) {
        return livePlan(state, connections, manifests, extra);
    }

    /** {@code plan --profile entra -f MANIFESTS --provider azure --detailed-exitcode}, with the test's secret. */
    static Result livePlan(String state, Path connections, String manifests, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "plan",
                "--profile",
                "entra",
                "-f",
                manifests,
                "--state",
                state,
                "--provider",
                "azure",
                "--connections",
                connections.toString(),
                "--detailed-exitcode"));
        args.addAll(List.of(extra));
        return cli().env("AZURE_CLIENT_SECRET", "not-a-real-secret").run(args.toArray(String[]::new));
    }

    /** {@code apply PLANFILE --provider azure --allow-unsigned}, with the test's secret. */
    static Result liveApply(String state, Path connections, Path plan) {
        return cli().env("AZURE_CLIENT_SECRET", "not-a-real-secret")
                .run(
                        "apply",
                        plan.toString(),
                        "--profile",
                        "entra",
                        "--state",
                        state,
                        "--provider",
                        "azure",
                        "--connections",
                        connections.toString(),
                        "--allow-unsigned");
    }

    @Test
    void theTenantsAsTheyAreAreWhatTheBeforeManifestsDeclare() {
        Result result = plan(BEFORE);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out())
                .as("a first plan adopts what exists and changes nothing")
                .contains("Plan: 0 to create, 0 to update, 0 to delete, 7 unchanged, 7 to adopt into applyset default;"
                        + " 0 steps.");
        assertThat(contoso.apiRequests())
                .extracting(r -> r.method() + " " + r.path())
                .contains("GET /v1.0/organization", "GET /v1.0/users", "GET /v1.0/directory/subscriptions")
                .allMatch(r -> r.startsWith("GET "));
        assertThat(defaultDirectory.apiRequests())
                .extracting(r -> r.method() + " " + r.path())
                .contains("GET /subscriptions/" + MSDN + "/providers/Microsoft.Authorization/roleAssignments");
        assertThat(result.out() + result.err()).doesNotContain("not-a-real-secret");
    }

    @Test
    void theSeedStoryIsPlannedAgainstTheLiveTenants() {
        Result result = plan(AFTER);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out())
                .contains("1. InviteGuest msmith@hotmail.com to Tenant/contoso")
                .contains("2. RedeemInvitation msmith@hotmail.com to Tenant/contoso")
                .contains("3. AddGlobalAdmin msmith@hotmail.com to Tenant/contoso")
                .contains("4. RequestDirectoryChange Subscription/msdn-1 from Tenant/default-directory to"
                        + " Tenant/contoso")
                .contains("5. AcceptDirectoryChange Subscription/msdn-1")
                .contains("6. AddOwner JohnDoe@contoso.com to Subscription/msdn-1")
                .contains("Plan: 0 to create, 2 to update, 0 to delete, 5 unchanged, 7 to adopt");
    }

    @Test
    void aPendingGuestAndAnUnverifiedDomainAreStatusNotDeclaredFields() throws Exception {
        seedBefore()
                .guest(
                        "10fc1cc8-ac36-4186-b99b-0cf814aa2dd5",
                        "msmith_hotmail.com#EXT#@contoso.onmicrosoft.com",
                        "msmith@hotmail.com",
                        "Michael Smith",
                        "PendingAcceptance")
                .domain("fabrikam.com", false, false)
                .serve(contoso);
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        for (String file : List.of("accounts.yaml", "contoso.yaml", "default-directory.yaml")) {
            String text = Files.readString(Path.of(BEFORE, file));
            Files.writeString(
                    manifests.resolve(file),
                    text.replace(
                            "  globalAdministrators: [msmith@contoso.com]",
                            "  globalAdministrators: [msmith@contoso.com]\n  guests: [msmith@hotmail.com]"));
        }

        Result result = plan(manifests.toString(), "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        JsonNode plan = Json.parse(result.out());
        assertThat(plan.path("source").path("tenantIds").asString())
                .isEqualTo("contoso=" + CONTOSO + ",default-directory=" + DEFAULT);
        assertThat(plan.path("steps").size())
                .as("the pending guest is not invited again: it has only to redeem")
                .isOne();
        assertThat(plan.path("steps").get(0).path("op").asString()).isEqualTo("RedeemInvitation");
        assertThat(plan.path("summary").toString()).contains("\"update\":0", "\"create\":0");
    }

    @Test
    void aReadThatFailsMakesItsObjectsUnknownAndAPlanThatWouldChangeThemFails() {
        contosoUsersUnreadable();

        Result result = plan(AFTER);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err())
                .contains("error[unseen]")
                .contains("Tenant/contoso could not be seen")
                .contains("Authorization_RequestDenied");
        assertThat(result.out()).doesNotContain("InviteGuest");
    }

    @Test
    void elevatedAccessATokenMayNotReadIsAWarningThatNeitherStopsAPlanNorAnImport() {
        contoso.instead(
                "GET",
                "/providers/Microsoft.Authorization/roleAssignments",
                Fixture.failure("arm/errors/error-shape.json", "AuthorizationFailed"));

        Result result = plan(BEFORE);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "warning[unseen]: elevated access in Tenant/contoso could not be seen (GET"
                                + " /providers/Microsoft.Authorization/roleAssignments?api-version=2015-07-01&$filter=atScope()")
                .contains("AuthorizationFailed")
                .doesNotContain("error[");
        Result imported = cli().env("AZURE_CLIENT_SECRET", "s")
                .run(
                        "import",
                        "--connections",
                        connections.toString(),
                        "--out",
                        dir.resolve("imported").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
    }

    @Test
    void whatIsNotManagedIsShownAndCounted() {
        defaultDirectoryBefore().serve(defaultDirectory);
        defaultDirectory.instead(
                "GET",
                "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances",
                Fixture.of("graph/role-eligibility-schedule-instances-list.json"));

        Result result = plan(BEFORE);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("warning[unmanaged]: Tenant/default-directory: 1 eligible global administrator"
                        + " assignment(s) (Privileged Identity Management): counted, never managed");
        assertThat(result.out()).contains("0 steps");
    }

    @Test
    void importedManifestsPlannedRightAwayGiveNoChanges() throws Exception {
        Path out = dir.resolve("imported");

        Result imported = cli().env("AZURE_CLIENT_SECRET", "not-a-real-secret")
                .run("import", "--connections", connections.toString(), "--out", out.toString());

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out())
                .contains("Imported 7 objects of 2 tenants (contoso, default-directory) in 3 files to " + out);
        String contosoFile = Files.readString(out.resolve("tenants/contoso.yaml"));
        assertThat(contosoFile)
                .contains("signInName: msmith@contoso.com")
                .contains("azure.tenantctl.io/subscription-id: 860697e3-b0aa-4196-a6c6-7ec361ed58f7");
        assertThat(Files.readString(out.resolve("tenants/default-directory.yaml")))
                .contains("azure.tenantctl.io/subscription-id: " + MSDN);
        Result valid = cli().run("validate", "--profile", "entra", "-f", out.toString());
        assertThat(valid.exitCode()).as(valid.toString()).isZero();

        Result plan = plan(out.toString(), "-o", "json");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        JsonNode document = Json.parse(plan.out());
        assertThat(document.path("steps").size()).as(plan.toString()).isZero();
        assertThat(document.path("changes").size()).as(plan.toString()).isZero();
    }

    @Test
    void anImportOfOneTenantReadsOnlyThatTenant() {
        Path out = dir.resolve("imported");

        Result imported = cli().env("AZURE_CLIENT_SECRET", "s")
                .run("import", "--connections", connections.toString(), "--tenant", "contoso", "--out", out.toString());

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("of 1 tenants (contoso)");
        assertThat(defaultDirectory.requests()).isEmpty();
    }

    @Test
    void anImportWhoseReadFailsWritesNothing() {
        contosoUsersUnreadable();
        Path out = dir.resolve("imported");

        Result imported = cli().env("AZURE_CLIENT_SECRET", "s")
                .run("import", "--connections", connections.toString(), "--out", out.toString());

        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(1);
        assertThat(imported.err())
                .contains("error[unseen]: Account/* of Tenant/contoso could not be read")
                .contains("Authorization_RequestDenied");
        assertThat(out).doesNotExist();
    }

    private Result applyLive(Path plan) {
        return liveApply(state, connections, plan);
    }

    /**
     * The seed story in the entra profile, end to end: planned against the live tenants, applied
     * through Graph and Resource Manager, stopping (exit 4) before each step a person must do and
     * going on once a read shows it done, until planning again gives no changes.
     */
    @Test
    void theSeedStoryRunsEndToEndAgainstTheLiveTenants() throws Exception {
        Path saved = dir.resolve("plan.json");
        Result planned = plan(AFTER, "--out", saved.toString());
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(2);

        // The invitation is sent; the server answers from then on as Contoso will be: Michael's
        // Microsoft account is a guest that has not redeemed.
        contoso.on("POST", "/v1.0/invitations", Fixture.of("graph/invitations-create.json"));
        contosoWithGuest("PendingAcceptance").serve(contoso);
        Result first = applyLive(saved);

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);
        assertThat(first.out() + first.err()).contains("redeem/contoso/msmith@hotmail.com");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/v1.0/invitations");
                    assertThat(r.body())
                            .contains("\"invitedUserEmailAddress\":\"msmith@hotmail.com\"")
                            .contains("\"sendInvitationMessage\":true");
                });

        // Michael redeems; the next apply reads it, makes him global administrator, and stops before
        // the change of directory, which is for people in the portal.
        contosoWithGuest("Accepted").globalAdministrator(MSMITH_IN_CONTOSO).serve(contoso);
        contoso.on("GET", "/v1.0/users/msmith@hotmail.com", Fixture.of("graph/errors/not-found-after-create.json"))
                .on(
                        "POST",
                        "/v1.0/roleManagement/directory/roleAssignments",
                        Fixture.of("graph/role-assignments-create.json"));
        Result second = applyLive(saved);

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);
        assertThat(second.out() + second.err()).contains("directory-request/msdn-1/contoso");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(r -> r.path() + " " + r.body())
                .last()
                .asString()
                .contains("/v1.0/roleManagement/directory/roleAssignments")
                .contains("\"principalId\":\"" + MSMITH_IN_CONTOSO + "\"")
                .contains("\"directoryScopeId\":\"/\"");

        // The subscription was moved and accepted in the portal; John Doe is made an owner.
        String scope = "/subscriptions/" + MSDN;
        String assignment = UUID.nameUUIDFromBytes(
                        (scope + "|" + JOHN + "|" + LiveDirectory.OWNER).getBytes(StandardCharsets.UTF_8))
                .toString();
        contosoWithGuest("Accepted")
                .globalAdministrator(MSMITH_IN_CONTOSO)
                .azure(MSDN, "MSDN", MSMITH_IN_CONTOSO, JOHN)
                .serve(contoso);
        contoso.on(
                        "GET",
                        "/v1.0/users/JohnDoe@contoso.com",
                        Fixture.of("graph/users-get.json").withBody(b -> ((ObjectNode) b).put("id", JOHN)))
                .on(
                        "PUT",
                        scope + "/providers/Microsoft.Authorization/roleAssignments/" + assignment,
                        Fixture.of("arm/role-assignments-create-owner.json"));
        defaultDirectoryWithoutSubscription().serve(defaultDirectory);
        Result third = applyLive(saved);

        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("PUT"))
                .singleElement()
                .satisfies(r -> assertThat(r.body())
                        .contains("\"principalId\":\"" + JOHN + "\"")
                        .contains("roleDefinitions/" + LiveDirectory.OWNER));

        Result again = plan(AFTER);
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    static final String MSMITH_IN_CONTOSO = "10fc1cc8-ac36-4186-b99b-0cf814aa2dd5";

    /** Contoso once Michael's Microsoft account was invited: its guest, in the invitation's state. */
    static LiveDirectory contosoWithGuest(String state) {
        return seedBefore()
                .guest(
                        MSMITH_IN_CONTOSO,
                        "msmith_hotmail.com#EXT#@contoso.onmicrosoft.com",
                        "msmith@hotmail.com",
                        "Michael Smith",
                        state);
    }

    @Test
    void theClassicProfileIsRefusedBeforeAnyRequest() {
        Result result = cli().run(
                        "plan",
                        "-f",
                        "manifests/examples/seed/before",
                        "--state",
                        state,
                        "--provider",
                        "azure",
                        "--connections",
                        connections.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("error[provider]").contains("works under the entra profile");
        assertThat(contoso.requests()).isEmpty();
        assertThat(defaultDirectory.requests()).isEmpty();
    }
}
