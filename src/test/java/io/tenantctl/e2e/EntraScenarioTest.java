package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The privilege flows of the entra profile (issue 12), each through the command line on a state
 * created with {@code --profile entra}, on each backend: the seed story in today's world; a change
 * of directory whose side effect (every role assignment deleted) is planned around; replacing the
 * only owner; an owner the plan cannot reach, served by elevated access; a guest that holds no role
 * before it redeems; and each profile refusing the other era's fields.
 */
class EntraScenarioTest extends OnEachBackend {

    static final String BEFORE = "manifests/examples/entra/seed/before";
    static final String AFTER = "manifests/examples/entra/seed/after";

    /** A tenant Contoso with one global administrator and two member accounts. */
    private static final String CONTOSO = """
            apiVersion: tenantctl.io/v1
            kind: Tenant
            metadata: {name: contoso}
            spec:
              displayName: Contoso
              initialDomain: contoso.onmicrosoft.com
              globalAdministrators: [ga@contoso.onmicrosoft.com]
            %s
            ---
            apiVersion: tenantctl.io/v1
            kind: Account
            metadata: {name: ga}
            spec: {signInName: ga@contoso.onmicrosoft.com, type: WorkOrSchool}
            ---
            apiVersion: tenantctl.io/v1
            kind: Account
            metadata: {name: alice}
            spec: {signInName: alice@contoso.onmicrosoft.com, type: WorkOrSchool}
            ---
            apiVersion: tenantctl.io/v1
            kind: Account
            metadata: {name: bob}
            spec: {signInName: bob@contoso.onmicrosoft.com, type: WorkOrSchool}
            ---
            apiVersion: tenantctl.io/v1
            kind: Account
            metadata: {name: msmith}
            spec: {signInName: msmith@hotmail.com, type: MicrosoftAccount}
            ---
            apiVersion: tenantctl.io/v1
            kind: Subscription
            metadata: {name: dev}
            spec:
              offer: Azure
              tenant: %s
              owners: [%s]
            """;

    private Path manifests(String name, String guests, String owners) throws IOException {
        return manifests(name, guests, "contoso", owners, "");
    }

    private Path manifests(String name, String guests, String tenant, String owners, String more) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("world.yaml"), CONTOSO.formatted(guests, tenant, owners) + more);
        return folder;
    }

    private Result applyEntra(Path folder, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("apply", "--profile", "entra", "-f", folder.toString(), "--auto-approve", "--state", state));
        args.addAll(List.of(extra));
        return applyThrough(args);
    }

    /**
     * Applies, confirming each external action the apply waits for (as the person who did it would,
     * once done), until it completes; returns the last result.
     */
    private Result applyThrough(List<String> args) {
        List<String> confirms = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("-o", "json"));
            confirms.forEach(id -> all.addAll(List.of("--confirm", id)));
            Result result = cli().run(all.toArray(String[]::new));
            if (result.exitCode() != 4) {
                return result;
            }
            confirms.clear();
            Json.parse(result.out())
                    .path("awaited")
                    .forEach(a -> confirms.add(a.path("id").asString()));
        }
        throw new AssertionError("still waiting after 5 applies");
    }

    private JsonNode planSteps(String folder, String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", "-f", folder, "--state", state, "-o", "json"));
        args.addAll(List.of(extra));
        Result plan = cli().run(args.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        return Json.parse(plan.out()).path("steps");
    }

    private static List<String> described(JsonNode steps) {
        List<String> out = new ArrayList<>();
        for (JsonNode step : steps) {
            String account = step.path("account").asString("");
            out.add(step.path("op").asString() + " " + step.path("target").asString()
                    + (account.isEmpty() ? "" : " " + account) + " by "
                    + step.path("actor").asString("-"));
        }
        return out;
    }

    @Test
    void theSeedStoryInTodaysWorld() {
        Result before = cli().run("apply", "--profile", "entra", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(before.exitCode()).as(before.toString()).isZero();

        JsonNode steps = planSteps(AFTER);
        assertThat(described(steps))
                .containsExactly(
                        "InviteGuest Tenant/contoso msmith@hotmail.com by msmith@contoso.com",
                        "RedeemInvitation Tenant/contoso msmith@hotmail.com by -",
                        "AddGlobalAdmin Tenant/contoso msmith@hotmail.com by msmith@contoso.com",
                        "RequestDirectoryChange Subscription/msdn-1 msmith@hotmail.com by msmith@hotmail.com",
                        "AcceptDirectoryChange Subscription/msdn-1 msmith@hotmail.com by msmith@hotmail.com",
                        "AddOwner Subscription/msdn-1 JohnDoe@contoso.com by msmith@hotmail.com");
        JsonNode accept = steps.get(4);
        assertThat(accept.path("from").asString()).isEqualTo("default-directory");
        assertThat(accept.path("to").asString()).isEqualTo("contoso");
        assertThat(accept.path("effects").toString())
                .contains("msmith@hotmail.com is no longer owner of Subscription/msdn-1 (a change of directory"
                        + " deletes every role assignment)")
                .contains("msmith@hotmail.com becomes owner of Subscription/msdn-1 (the account that accepts)");

        Result apply = applyThrough(List.of("apply", "-f", AFTER, "--auto-approve", "--state", state));
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        Result again = cli().run("plan", "-f", AFTER, "--state", state, "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes.");
        assertThat(cli().run("get", "subscription", "msdn-1", "--state", state, "-o", "yaml")
                        .out())
                .contains("tenant: contoso")
                .contains("owners:")
                .doesNotContain("status");
    }

    @Test
    void aChangeOfDirectoryWipesTheOwnersAndWhatRemainsIsPlannedAfterIt() throws IOException {
        Result created =
                applyEntra(manifests("before", "  guests: [msmith@hotmail.com]", "home", "msmith@hotmail.com", HOME));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Path after = manifests("after", "  guests: [msmith@hotmail.com]", "contoso", "msmith@hotmail.com", HOME);

        JsonNode steps = planSteps(after.toString());

        // Only Contoso's global administrator can accept; accepting makes it the owner and deletes
        // msmith's assignment, so msmith is made owner again and the acceptor's ownership removed.
        assertThat(described(steps))
                .containsExactly(
                        "RequestDirectoryChange Subscription/dev msmith@hotmail.com by msmith@hotmail.com",
                        "AcceptDirectoryChange Subscription/dev ga@contoso.onmicrosoft.com by ga@contoso.onmicrosoft.com",
                        "AddOwner Subscription/dev msmith@hotmail.com by ga@contoso.onmicrosoft.com",
                        "RemoveOwner Subscription/dev ga@contoso.onmicrosoft.com by ga@contoso.onmicrosoft.com");
        Result apply = applyThrough(List.of("apply", "-f", after.toString(), "--auto-approve", "--state", state));
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(cli().run("plan", "-f", after.toString(), "--state", state).out())
                .contains("No changes.");
    }

    private static final String HOME = """
            ---
            apiVersion: tenantctl.io/v1
            kind: Tenant
            metadata: {name: home}
            spec:
              displayName: Home
              initialDomain: msmithhome.onmicrosoft.com
              globalAdministrators: [msmith@hotmail.com]
              guests: [msmith@hotmail.com]
            """;

    @Test
    void replacingTheOnlyOwnerAddsBeforeItRemoves() throws IOException {
        assertThat(applyEntra(manifests("before", "", "alice@contoso.onmicrosoft.com"))
                        .exitCode())
                .isZero();
        Path after = manifests("after", "", "bob@contoso.onmicrosoft.com");

        assertThat(described(planSteps(after.toString())))
                .containsExactly(
                        "AddOwner Subscription/dev bob@contoso.onmicrosoft.com by alice@contoso.onmicrosoft.com",
                        "RemoveOwner Subscription/dev alice@contoso.onmicrosoft.com by alice@contoso.onmicrosoft.com");
    }

    @Test
    void anOwnerThePlanCannotReachIsServedByElevatedAccessDroppedBeforeTheEnd() throws IOException {
        assertThat(applyEntra(manifests("before", "", "alice@contoso.onmicrosoft.com"))
                        .exitCode())
                .isZero();
        Path after = manifests("after", "", "bob@contoso.onmicrosoft.com");

        JsonNode steps = planSteps(after.toString(), "--as", "ga@contoso.onmicrosoft.com");

        assertThat(described(steps))
                .containsExactly(
                        "ElevateAccess Tenant/contoso ga@contoso.onmicrosoft.com by ga@contoso.onmicrosoft.com",
                        "AddOwner Subscription/dev bob@contoso.onmicrosoft.com by ga@contoso.onmicrosoft.com",
                        "RemoveOwner Subscription/dev alice@contoso.onmicrosoft.com by ga@contoso.onmicrosoft.com",
                        "RemoveElevatedAccess Tenant/contoso ga@contoso.onmicrosoft.com by ga@contoso.onmicrosoft.com");
        Result apply = cli().run(
                        "apply",
                        "-f",
                        after.toString(),
                        "--auto-approve",
                        "--state",
                        state,
                        "--as",
                        "ga@contoso.onmicrosoft.com");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(cli().run("plan", "-f", after.toString(), "--state", state).out())
                .contains("No changes.");
    }

    @Test
    void aGuestThatHasNotRedeemedHoldsNoRoleTheAssignmentWaitsForTheRedemption() throws IOException {
        assertThat(applyEntra(manifests("before", "", "alice@contoso.onmicrosoft.com"))
                        .exitCode())
                .isZero();
        Path after = manifests(
                "after", "  guests: [msmith@hotmail.com]", "alice@contoso.onmicrosoft.com, msmith@hotmail.com");

        List<String> steps = described(planSteps(after.toString()));

        assertThat(steps)
                .containsExactly(
                        "InviteGuest Tenant/contoso msmith@hotmail.com by ga@contoso.onmicrosoft.com",
                        "RedeemInvitation Tenant/contoso msmith@hotmail.com by -",
                        "AddOwner Subscription/dev msmith@hotmail.com by alice@contoso.onmicrosoft.com");
    }

    @Test
    void classicFieldsAreRefusedUnderEntraAndEntraFieldsUnderClassic() {
        Result entra = cli().run("validate", "--profile", "entra", "-f", SeedStoryTest.AFTER);
        assertThat(entra.exitCode()).isEqualTo(1);
        assertThat(entra.err())
                .contains("default-directory.yaml:21:25: error[classic-admin-retired]")
                .contains("list the accounts under spec.owners instead")
                .contains("default-directory.yaml:22:21: error[classic-admin-retired]")
                .contains("error[guest-required]")
                .contains("error[no-owner]");

        Result classic = cli().run("validate", "-f", AFTER);
        assertThat(classic.exitCode()).isEqualTo(1);
        assertThat(classic.err())
                .contains("contoso.yaml:12:11: error[entra-only-field]: Tenant/contoso sets guests")
                .contains("error[entra-only-field]: Subscription/msdn-1 sets owners")
                .contains("error[entra-only-field]: Subscription/msdn-1 sets offerId")
                .contains("error[required-field]: spec: missing required field \"serviceAdministrator\"");

        assertThat(cli().run("validate", "--profile", "entra", "-f", AFTER).exitCode())
                .isZero();
        assertThat(cli().run("validate", "--profile", "nonsense", "-f", AFTER).exitCode())
                .isEqualTo(64);
    }

    @Test
    void theProfileIsRecordedInTheStateAndAMismatchIsAnError() throws IOException {
        assertThat(cli().run("apply", "--profile", "entra", "-f", BEFORE, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();

        // Later commands use the state's profile without being told.
        assertThat(cli().run("plan", "-f", AFTER, "--state", state).exitCode()).isZero();
        Result mismatch = cli().run("plan", "--profile", "classic", "-f", SeedStoryTest.AFTER, "--state", state);
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.err())
                .contains("error[profile]")
                .contains("created under the entra profile")
                .contains("--profile classic disagrees");

        // A plan made under entra is refused by a classic state.
        Path saved = dir.resolve("plan.json");
        assertThat(cli().run("plan", "-f", AFTER, "--state", state, "--out", saved.toString())
                        .exitCode())
                .isZero();
        String classicState = backend.newState(dir.resolve("classic"));
        assertThat(cli().run("apply", "-f", SeedStoryTest.BEFORE, "--auto-approve", "--state", classicState)
                        .exitCode())
                .isZero();
        Result refused = cli().run("apply", saved.toString(), "--state", classicState);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("error[profile]").contains("made under the entra profile");

        // A copy keeps the profile.
        String copy = backend.newState(dir.resolve("copy"));
        Result copied = cli().run("state", "copy", "--from", state, "--to", copy);
        assertThat(copied.exitCode()).as(copied.toString()).isZero();
        assertThat(cli().run("plan", "-f", AFTER, "--state", copy).exitCode()).isZero();
        assertThat(cli().run("plan", "--profile", "classic", "-f", SeedStoryTest.AFTER, "--state", copy)
                        .err())
                .contains("created under the entra profile");
    }

    static final String REDEEM = "redeem/contoso/msmith@hotmail.com";

    @Test
    void anApplyDoesWhatItCanWaitsForTheRedemptionAndGoesOnOnceConfirmed() {
        assertThat(cli().run("apply", "--profile", "entra", "-f", BEFORE, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();

        Result first = cli().run("apply", "-f", AFTER, "--auto-approve", "--state", state);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);
        assertThat(first.out())
                .contains("external action " + REDEEM + ": msmith@hotmail.com must redeem the invitation to"
                        + " Tenant/contoso")
                .contains("Revision 2: 1 step applied; waiting for 1 external action:\n  " + REDEEM
                        + ": msmith@hotmail.com must redeem the invitation to Tenant/contoso");

        // Not yet done: the next apply waits again, and changes nothing.
        Result again = cli().run("apply", "-f", AFTER, "--auto-approve", "--state", state);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(4);
        assertThat(again.out()).contains("Nothing was applied yet; waiting for 1 external action");

        Result unknown = cli().run("apply", "-f", AFTER, "--auto-approve", "--state", state, "--confirm", "dns/x/y");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err())
                .contains("error[awaiting-action]: --confirm dns/x/y: no such action is waiting; the waiting actions"
                        + " are " + REDEEM);

        JsonNode waiting =
                Json.parse(cli().run("history", "--state", state, "-o", "json").out());
        assertThat(waiting.path("actions").get(0).path("id").asString()).isEqualTo(REDEEM);
        assertThat(waiting.path("actions").get(0).path("status").asString()).isEqualTo("waiting");

        Result confirmed = cli().run("apply", "-f", AFTER, "--auto-approve", "--state", state, "--confirm", REDEEM);
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("Revision 3: 5 steps applied");
        assertThat(cli().run("plan", "-f", AFTER, "--state", state).out()).contains("No changes.");

        Result history = cli().run("history", "--state", state);
        assertThat(history.out()).contains("External actions:").contains(REDEEM + "  done");
        JsonNode done =
                Json.parse(cli().run("history", "--state", state, "-o", "json").out());
        assertThat(done.path("actions").get(0).path("status").asString()).isEqualTo("done");
        assertThat(done.path("actions").get(0).path("confirmedAt").asString()).isNotEmpty();
    }

    @Test
    void aSavedPlanStopsAtTheExternalActionAndResumesAfterItOnceConfirmed() {
        assertThat(cli().run("apply", "--profile", "entra", "-f", BEFORE, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        Path saved = dir.resolve("plan.json");
        assertThat(cli().run("plan", "-f", AFTER, "--state", state, "--out", saved.toString())
                        .exitCode())
                .isZero();
        JsonNode redeem = Json.parse(
                        cli().run("show", saved.toString(), "-o", "json").out())
                .path("steps")
                .get(1);
        assertThat(redeem.path("external").path("id").asString()).isEqualTo(REDEEM);
        assertThat(redeem.path("external").path("who").asString()).isEqualTo("msmith@hotmail.com");

        Result first = cli().run("apply", saved.toString(), "--state", state);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);
        Result json = cli().run("apply", saved.toString(), "--state", state, "-o", "json");
        assertThat(json.exitCode()).isEqualTo(4);
        assertThat(Json.parse(json.out()).path("awaited").get(0).path("id").asString())
                .isEqualTo(REDEEM);

        Result resumed = cli().run("apply", saved.toString(), "--state", state, "--confirm", REDEEM);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("Revision 3: 5 steps applied");
        assertThat(cli().run("plan", "-f", AFTER, "--state", state).out()).contains("No changes.");
        // Done, the plan is stale like any applied plan.
        assertThat(cli().run("apply", saved.toString(), "--state", state).exitCode())
                .isEqualTo(3);
    }
}
