package io.tenantctl.provider;

import static io.tenantctl.provider.LivePlanCliTest.BEFORE;
import static io.tenantctl.provider.LivePlanCliTest.CONTOSO;
import static io.tenantctl.provider.LivePlanCliTest.DEFAULT;
import static io.tenantctl.provider.LivePlanCliTest.MSDN;
import static io.tenantctl.provider.LivePlanCliTest.MSMITH_WORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved plan whose steps are mostly a person's, applied to the seed story's two directories
 * through the command line: Contoso is renamed, gets a domain that is verified once its DNS record
 * is published, and a new Azure subscription. Each apply stops (exit 4) before what a person must do, naming it, and the
 * same plan applied again goes on once the local server answers as the tenants will when it is done.
 */
class LiveExternalStepsCliTest extends LiveSeedTest {

    static final String NEW_SUBSCRIPTION = "9b2c1e5a-7d4f-4c1e-8a2b-3c4d5e6f7a8b";

    Path manifests;

    @BeforeEach
    void start() throws Exception {
        manifests = Files.createDirectories(dir.resolve("manifests"));
        for (String file : List.of("accounts.yaml", "contoso.yaml", "default-directory.yaml")) {
            Files.copy(Path.of(BEFORE, file), manifests.resolve(file));
        }
    }

    /**
     * The tenants as they are, adopted into the applyset by a first apply; then the manifests of what
     * they should be: Contoso renamed, with contoso.net and a new subscription.
     */
    private void adoptThenChange() throws Exception {
        Path adopt = dir.resolve("adopt.json");
        Result planned = plan("--out", adopt.toString());
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(2);
        Result adopted = apply(adopt);
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
        Files.writeString(
                manifests.resolve("contoso.yaml"),
                Files.readString(Path.of(BEFORE, "contoso.yaml"))
                                .replace("displayName: Contoso\n", "displayName: Contoso Ltd\n")
                                .replace("domains: [contoso.com]", "domains: [contoso.com, contoso.net]")
                        + """
                        ---
                        apiVersion: tenantctl.io/v1
                        kind: Subscription
                        metadata:
                          name: contoso-azure
                        spec:
                          offer: Azure
                          tenant: contoso
                          displayName: Contoso Azure
                          owners: [msmith@contoso.com]
                        """);
    }

    private Result apply(Path plan) {
        return LivePlanCliTest.liveApply(state, connections, plan);
    }

    private Result plan(String... extra) {
        return LivePlanCliTest.livePlan(state, connections, manifests.toString(), extra);
    }

    /** Contoso as it will be: renamed, with contoso.net (verified or not) and, once made, the new subscription. */
    private static LiveDirectory contosoAfter(boolean verified, boolean subscription) {
        LiveDirectory after = new LiveDirectory(CONTOSO, "Contoso Ltd")
                .domain("contoso.onmicrosoft.com", true, true)
                .domain("contoso.com", false, true)
                .domain("contoso.net", false, verified)
                .member(MSMITH_WORK, "msmith@contoso.com", "Michael Smith")
                .member(LivePlanCliTest.JOHN, "JohnDoe@contoso.com", "John Doe")
                .globalAdministrator(MSMITH_WORK)
                .office365("860697e3-b0aa-4196-a6c6-7ec361ed58f7", "ENTERPRISEPACK");
        return subscription ? after.azure(NEW_SUBSCRIPTION, "Contoso Azure", MSMITH_WORK) : after;
    }

    @Test
    void aPlanOfAPersonsStepsStopsBeforeEachAndGoesOnOnceItIsDone() throws Exception {
        adoptThenChange();
        Path saved = dir.resolve("plan.json");
        Result planned = plan("--prune", "--out", saved.toString());
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(2);
        assertThat(planned.out())
                .contains("UpdateTenant Tenant/contoso")
                .contains("AddDomain contoso.net to Tenant/contoso")
                .contains("VerifyDomain contoso.net to Tenant/contoso")
                .contains("CreateSubscription Subscription/contoso-azure");

        // Nobody has renamed Contoso yet: the apply stops before that, having sent nothing.
        Result first = apply(saved);

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);
        assertThat(first.out() + first.err())
                .contains("tenant-name/contoso: a global administrator of Tenant/contoso must rename Tenant/contoso"
                        + " to \"Contoso Ltd\"");
        assertThat(contoso.apiRequests()).allMatch(r -> r.method().equals("GET"));

        // Renamed in the admin center: the domain is added, and Graph cannot verify it while its DNS
        // record is not published.
        LivePlanCliTest.seedBefore().serve(contoso);
        contoso.instead("GET", "/v1.0/organization", organizationNamed("Contoso Ltd"))
                .on("POST", "/v1.0/domains", Fixture.of("graph/domains-create.json"))
                .on("GET", "/v1.0/domains/contoso.net", domainContosoNet(false))
                .on("POST", "/v1.0/domains/contoso.net/verify", Fixture.of("graph/errors/error-shape.json"))
                .on(
                        "GET",
                        "/v1.0/domains/contoso.net/verificationDnsRecords",
                        Fixture.of("graph/domains-verification-dns-records-txt.json")
                                .withBody(b -> ((ObjectNode) b.path("value").get(0))
                                        .put("label", "contoso.net")
                                        .put("recordType", "Txt")
                                        .put("text", "MS=ms12345678")
                                        .put("ttl", 3600)));
        Result second = apply(saved);

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);
        assertThat(second.out() + second.err())
                .contains("dns/contoso/contoso.net: the administrator of the DNS zone of contoso.net must publish the"
                        + " TXT record \"MS=ms12345678\" at contoso.net (TTL 3600, from GET"
                        + " /domains/contoso.net/verificationDnsRecords)");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> !r.method().equals("GET"))
                .extracting(r -> r.method() + " " + r.path() + " " + r.body())
                .containsExactly(
                        "POST /v1.0/domains {\"id\":\"contoso.net\"}", "POST /v1.0/domains/contoso.net/verify ");
        FixtureServer.Recorded verify = contoso.apiRequests().stream()
                .filter(r -> r.path().endsWith("/verify"))
                .findFirst()
                .orElseThrow();
        assertThat(verify.query()).isEmpty();
        assertThat(verify.bearer()).isTrue();
        assertThat(verify.headers()).containsEntry("content-type", "application/json");

        // The record is published: the verify succeeds; the new subscription is for a person to make.
        contoso.instead("POST", "/v1.0/domains/contoso.net/verify", Fixture.of("graph/domains-verify.json"))
                .instead("GET", "/v1.0/domains/contoso.net", domainContosoNet(false), domainContosoNet(true));
        Result third = apply(saved);

        assertThat(third.exitCode()).as(third.toString()).isEqualTo(4);
        assertThat(third.out() + third.err())
                .contains("subscription-create/contoso-azure: msmith@contoso.com must create the Azure subscription"
                        + " \"Contoso Azure\" in Tenant/contoso");
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/verify"))
                .hasSize(2);

        // The subscription exists: the plan is applied, and planning again changes nothing.
        contosoAfter(true, true).serve(contoso);
        Result fourth = apply(saved);

        assertThat(fourth.exitCode()).as(fourth.toString()).isZero();
        assertThat(contoso.apiRequests())
                .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/verify"))
                .as("a verified domain is not verified again")
                .hasSize(2);
        Result again = plan();
        assertThat(again.exitCode()).as(again.toString()).isZero();

        deleteTheDefaultDirectory();
    }

    /**
     * The Default directory and its MSDN subscription are no longer declared: the subscription is
     * cancelled through Resource Manager, and the directory is for a person to delete, which the
     * next apply sees when no token for it can be had.
     */
    private void deleteTheDefaultDirectory() throws Exception {
        Files.delete(manifests.resolve("default-directory.yaml"));
        Path saved = dir.resolve("delete.json");
        Result planned = plan("--prune", "--out", saved.toString());
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(2);
        assertThat(planned.out())
                .contains("1. DeleteSubscription Subscription/msdn-1")
                .contains("2. DeleteTenant Tenant/default-directory");
        // Cancelled, the subscription is still listed, disabled.
        defaultDirectory.on(
                "POST",
                "/subscriptions/" + MSDN + "/providers/Microsoft.Subscription/cancel",
                Fixture.of("arm/subscription-cancel-ga.json").withBody(b -> ((ObjectNode) b).put("value", MSDN)));
        new LiveDirectory(DEFAULT, "Default directory")
                .domain("msmithhotmail.onmicrosoft.com", true, true)
                .guest(
                        LivePlanCliTest.MSMITH_GUEST,
                        "msmith_hotmail.com#EXT#@msmithhotmail.onmicrosoft.com",
                        "msmith@hotmail.com",
                        "Michael Smith",
                        null)
                .globalAdministrator(LivePlanCliTest.MSMITH_GUEST)
                .cancelled(MSDN, "MSDN", LivePlanCliTest.MSMITH_GUEST)
                .serve(defaultDirectory);
        Result cancelled = apply(saved);

        assertThat(cancelled.exitCode()).as(cancelled.toString()).isEqualTo(4);
        assertThat(cancelled.out() + cancelled.err())
                .contains("tenant-delete/default-directory: the last global administrator of"
                        + " Tenant/default-directory must delete Tenant/default-directory");
        assertThat(defaultDirectory.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path())
                            .isEqualTo("/subscriptions/" + MSDN + "/providers/Microsoft.Subscription/cancel");
                    assertThat(r.query()).isEqualTo("api-version=2021-10-01");
                    assertThat(r.body()).isEmpty();
                    assertThat(r.bearer()).isTrue();
                });

        // Deleted: its token endpoint refuses it (AADSTS90002-like, the documented error shape).
        defaultDirectory.instead(
                "POST", "/" + DEFAULT + "/oauth2/v2.0/token", Fixture.of("token/client-credentials-error.json"));
        Result deleted = apply(saved);

        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(defaultDirectory.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .as("the cancelled subscription is not cancelled again")
                .hasSize(1);
    }

    @Test
    void aNewTenantIsAPersonsToCreateAndIsThereOnceItsConnectionReadsIt() throws Exception {
        Files.writeString(manifests.resolve("fabrikam.yaml"), """
                apiVersion: tenantctl.io/v1
                kind: Tenant
                metadata:
                  name: fabrikam
                spec:
                  displayName: Fabrikam
                  initialDomain: fabrikam.onmicrosoft.com
                  globalAdministrators: [msmith@contoso.com]
                  guests: [msmith@contoso.com]
                """);
        Path saved = dir.resolve("plan.json");
        Result planned = plan("--out", saved.toString());
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(2);
        assertThat(planned.out()).contains("1. CreateTenant Tenant/fabrikam (signed up by msmith@contoso.com)");

        Result first = apply(saved);

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);
        assertThat(first.out() + first.err())
                .contains("tenant-create/fabrikam: msmith@contoso.com must create the tenant \"Fabrikam\" with the"
                        + " initial domain fabrikam.onmicrosoft.com (Microsoft Entra admin center: Manage tenants,"
                        + " Create), then add it as fabrikam with its tenant id to the connections file");

        // Michael made it and added its connection: the same plan applied again sees it and is done.
        String fabrikamId = "b9e4c2a1-5d3f-4e6a-9b8c-7d6e5f4a3b2c";
        try (FixtureServer fabrikam = FixtureServer.start(Files.createDirectories(dir.resolve("fabrikam")))) {
            new LiveDirectory(fabrikamId, "Fabrikam")
                    .domain("fabrikam.onmicrosoft.com", true, true)
                    .guest(
                            "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                            "msmith_contoso.com#EXT#@fabrikam.onmicrosoft.com",
                            "msmith@contoso.com",
                            "Michael Smith",
                            null)
                    .globalAdministrator("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f")
                    .serve(fabrikam);
            Files.writeString(
                    connections,
                    Files.readString(connections)
                            + """
                      fabrikam:
                        tenantId: %s
                        credential: {kind: clientSecret, clientId: 6731de76-14a6-49ae-97bc-6eba6914391e}
                        endpoints: {login: "%s", graph: "%s", arm: "%s", caFile: %s}
                    """.formatted(
                                    fabrikamId, fabrikam.base(), fabrikam.base(), fabrikam.base(), fabrikam.caFile()));

            Result second = apply(saved);

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(fabrikam.apiRequests())
                    .extracting(r -> r.method() + " " + r.path())
                    .contains("GET /v1.0/organization")
                    .allMatch(r -> r.startsWith("GET "));
            Result again = plan();
            assertThat(again.exitCode()).as(again.toString()).isZero();
        }
    }

    private static Fixture organizationNamed(String name) {
        return Fixture.of("graph/organization-list.json")
                .withBody(b ->
                        ((ObjectNode) b.path("value").get(0)).put("id", CONTOSO).put("displayName", name));
    }

    private static Fixture domainContosoNet(boolean verified) {
        return Fixture.of("graph/domains-get.json")
                .withBody(b -> ((ObjectNode) b)
                        .put("id", "contoso.net")
                        .put("isInitial", false)
                        .put("isDefault", false)
                        .put("isVerified", verified));
    }
}
