package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entra profile's own rules through the command line, each diagnostic whole (location, code
 * and message): those a manifest set breaks on its own ({@code validate --profile entra}), and
 * the one only a change can break (a CSP subscription moved to another directory, SUB-05).
 */
class EntraRulesTest {

    static final String ACCOUNTS = "manifests/examples/entra/seed/before/accounts.yaml";
    static final String RULES = "src/test/resources/entra-rules/";

    @TempDir
    Path dir;

    @Test
    void aManifestSetThatBreaksTheRulesIsRefusedWithEveryProblemLocated() {
        String file = RULES + "invalid.yaml";
        Result r = cli().run("validate", "--profile", "entra", "--no-color", "-f", ACCOUNTS, "-f", file);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .contains(file + ":8:46: error[guest-required]: msmith@hotmail.com is a global administrator of"
                        + " Tenant/contoso but not homed in it, so it must be one of its guests: add it to spec.guests"
                        + " (it is invited, and holds the role once it has redeemed)")
                .contains(file + ":25:12: error[owner-not-in-tenant]: JohnDoe@contoso.com is an owner of"
                        + " Subscription/s1 but neither homed in nor a guest of Tenant/other; add it to the guests of"
                        + " Tenant/other")
                .contains(file + ":33:11: error[no-owner]: Subscription/s2 would have no owner; an Azure"
                        + " subscription needs at least one (spec.owners)");
        assertThat(r.out()).contains("Invalid: 3 errors");
    }

    @Test
    void theSameRulesAcceptAManifestSetThatKeepsThem() {
        Result r = cli().run("validate", "--profile", "entra", "-f", ACCOUNTS, "-f", RULES + "csp-before.yaml");

        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void aCspSubscriptionCannotChangeDirectory() {
        String state = "sqlite:" + dir.resolve("state.db");
        Result first = cli().run(
                        "apply",
                        "--profile",
                        "entra",
                        "-f",
                        ACCOUNTS,
                        "-f",
                        RULES + "csp-before.yaml",
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(first.exitCode())
                .as("waits for the guest's redemption\n%s", first)
                .isEqualTo(4);
        Result confirmed = cli().run(
                        "apply",
                        "-f",
                        ACCOUNTS,
                        "-f",
                        RULES + "csp-before.yaml",
                        "--auto-approve",
                        "--state",
                        state,
                        "--confirm",
                        "redeem/contoso/msmith@hotmail.com");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();

        String moved = RULES + "csp-moved.yaml";
        Result plan = cli().run("plan", "--no-color", "-f", ACCOUNTS, "-f", moved, "--state", state);

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.err())
                .contains(moved + ":26:11: error[offer-cannot-move]: Subscription/csp has offer MS-AZR-0145P, which"
                        + " cannot change directory (CSP, Students and Imagine, and Microsoft Internal offers cannot)");
    }
}
