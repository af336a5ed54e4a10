package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import io.tenantctl.testing.ManifestSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, section 2: an applyset never takes another's objects without being told, plans and
 * {@code get -o wide} show who owns what, and a plan does not list the objects of other applysets.
 */
class OwnershipTest extends OnEachBackend {

    static final String BEFORE = "manifests/examples/seed/before";

    /** The seed's "before" as applyset default, and a team's two labelled accounts as applyset team. */
    @BeforeEach
    void twoApplysets() {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        ManifestSet team = ManifestSet.empty();
        team.raw("team.yaml", """
                apiVersion: tenantctl.io/v1
                kind: Account
                metadata: {name: alice, labels: {team: platform, tier: gold}}
                spec: {signInName: alice@outlook.com, type: MicrosoftAccount}
                ---
                apiVersion: tenantctl.io/v1
                kind: Account
                metadata: {name: bob, labels: {team: apps}}
                spec: {signInName: bob@outlook.com, type: MicrosoftAccount}
                """);
        Result applied = cli().run(
                        "apply",
                        "-f",
                        team.writeTo(dir.resolve("team")).toString(),
                        "--applyset",
                        "team",
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
    }

    /** The team's alice, also declared by the seed's applyset. */
    private String seedWithAlice() {
        ManifestSet alice = ManifestSet.empty();
        alice.raw("alice.yaml", """
                apiVersion: tenantctl.io/v1
                kind: Account
                metadata: {name: alice, labels: {team: platform, tier: gold}}
                spec: {signInName: alice@outlook.com, type: MicrosoftAccount, displayName: Alice}
                """);
        alice.writeTo(dir.resolve("seed-and-alice"));
        return dir.resolve("seed-and-alice").toString();
    }

    @Test
    void anApplyThatWouldTakeAnotherApplysetsObjectIsRefusedNamingTheOwner() {
        Result refused = cli().run("apply", "-f", BEFORE, "-f", seedWithAlice(), "--auto-approve", "--state", state);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err())
                .contains("alice.yaml:3:18: error[adopt]: Account/alice belongs to applyset team; applying it as"
                        + " applyset default would take it over. Remove it from these manifests, apply it as"
                        + " --applyset team, or move it on purpose with --force-adopt");
        assertThat(refused.out())
                .contains("~ Account/alice will be updated in place")
                .contains("Nothing was changed");
        assertThat(owner("alice")).isEqualTo("team");

        JsonNode plan =
                Json.parse(cli().run("plan", "-f", BEFORE, "-f", seedWithAlice(), "--state", state, "-o", "json")
                        .out());
        assertThat(plan.path("diagnostics").toString()).contains("belongs to applyset team");

        Result forced = cli().run(
                        "apply",
                        "-f",
                        BEFORE,
                        "-f",
                        seedWithAlice(),
                        "--force-adopt",
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.err())
                .contains("warning[adopt]: Account/alice moves from applyset team to applyset default (--force-adopt)");
        assertThat(forced.out()).contains("1 to adopt into applyset default");
        assertThat(owner("alice")).isEqualTo("default");
    }

    @Test
    void getWideShowsTheApplysetOfEachObjectAndSelectorsSelectByLabel() {
        Result wide = cli().run("get", "accounts", "-o", "wide", "--state", state);
        assertThat(wide.exitCode()).as(wide.toString()).isZero();
        assertThat(wide.out())
                .startsWith("KIND     NAME            APPLYSET  REVISION  LABELS                   DETAILS\n")
                .contains("Account  alice           team      2         team=platform,tier=gold  alice@outlook.com")
                .contains("Account  john-doe        default   1         -                        JohnDoe@contoso.com");

        assertThat(names("-l", "team=platform")).isEqualTo("alice");
        assertThat(names("-l", "team")).isEqualTo("alice,bob");
        assertThat(names("-l", "team", "-l", "!tier")).isEqualTo("bob");
        assertThat(names("-l", "team!=apps,tier==gold")).isEqualTo("alice");
        assertThat(names("-l", "team=nobody")).isEmpty();
        Result none = cli().run("get", "-l", "team=nobody", "--state", state);
        assertThat(none.out()).startsWith("No matching objects in the state at");
        Result bad = cli().run("get", "-l", "team=a,=b", "--state", state);
        assertThat(bad.exitCode()).isEqualTo(64);
        assertThat(bad.err()).contains("invalid label selector 'team=a,=b'");
    }

    @Test
    void aPlanCountsTheObjectsOfOtherApplysetsInOneLine() {
        Result plan = cli().run("plan", "-f", BEFORE, "--state", state);

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out())
                .contains("  2 objects of other applysets are not in these manifests and left as they are\n")
                .doesNotContain("Account/alice")
                .doesNotContain("Account/bob")
                .contains("No changes. The state matches the manifests (7 unchanged, 2 kept).");
        JsonNode json = Json.parse(
                cli().run("plan", "-f", BEFORE, "--state", state, "-o", "json").out());
        assertThat(json.path("changes")).isEmpty();
        assertThat(json.path("summary").path("kept").asInt()).isEqualTo(2);
    }

    private String owner(String account) {
        Result shown = cli().run("state", "show", "account/" + account, "-o", "json", "--state", state);
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        return Json.parse(shown.out()).path("applyset").asString();
    }

    private String names(String... selectors) {
        String[] args = new String[selectors.length + 5];
        args[0] = "get";
        args[1] = "accounts";
        System.arraycopy(selectors, 0, args, 2, selectors.length);
        args[selectors.length + 2] = "--state";
        args[selectors.length + 3] = state;
        args[selectors.length + 4] = "-ojson";
        Result get = cli().run(args);
        assertThat(get.exitCode()).as(get.toString()).isZero();
        StringBuilder names = new StringBuilder();
        Json.parse(get.out())
                .path("items")
                .forEach(item -> names.append(names.length() == 0 ? "" : ",")
                        .append(item.path("metadata").path("name").asString()));
        return names.toString();
    }
}
