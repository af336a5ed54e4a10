package io.tenantctl.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.connect.Connections;
import io.tenantctl.connect.Credential;
import io.tenantctl.connect.Endpoints;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.profile.entra.EntraOp;
import io.tenantctl.provider.Fixture;
import io.tenantctl.provider.FixtureServer;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import io.tenantctl.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elevated access against the fixture server: a person signed in as the account to elevate sends
 * {@code elevateAccess} and reads the User Access Administrator assignment it made at {@code /};
 * an app, or another person, leaves it to that person (an external action); the removal deletes
 * the assignment by its name. A person's token comes from {@code az login}, which a test cannot
 * run: the tenants are given a token source instead, and the rest is the provider's own code.
 */
class ElevationStepsTest {

    static final String TENANT = "31c75423-32d6-4322-88b7-c478bdde4858";
    /** Adele Vance: Get a user's example, the account elevated here. */
    static final String ADELE = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

    static final String ROOT = "/providers/Microsoft.Authorization/roleAssignments";

    @TempDir
    Path dir;

    FixtureServer server;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start(dir);
        server.on("GET", "/v1.0/users/AdeleV@contoso.com", Fixture.of("graph/users-get.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AzurePerformer performer(Credential credential) {
        Endpoints local =
                new Endpoints(server.base() + "/", server.base(), server.base(), Optional.of(server.caFile()));
        Connections connections = new Connections(
                "connections.yaml", 1, Map.of("contoso", new TenantConnection("contoso", TENANT, credential, local)));
        return new AzurePerformer(new AzureTenants(connections, d -> {}, c -> scope -> "a-person's-token"));
    }

    private static PlannedStep step(EntraOp op) {
        return PlannedStep.of(
                1,
                Step.forAccount(op, ObjectRef.tenant("contoso"), "AdeleV@contoso.com"),
                Optional.empty(),
                "",
                List.of());
    }

    /** The root scope's assignments: the elevate-access page's sample, given to Adele, or none. */
    private static Fixture root(boolean elevated) {
        return Fixture.of("arm/role-assignments-list-root-scope.json").withBody(b -> {
            if (elevated) {
                ((ObjectNode) b.path("value").get(0).path("properties")).put("principalId", ADELE);
            } else {
                ((ArrayNode) b.path("value")).removeAll();
            }
        });
    }

    @Test
    void signedInAsTheAccountItselfTheProviderElevatesAndReadsTheAssignmentAtTheRoot() throws Exception {
        server.on("GET", "/v1.0/me", Fixture.of("graph/users-get.json"))
                .on("POST", "/providers/Microsoft.Authorization/elevateAccess", Fixture.of("arm/elevate-access.json"))
                .on("GET", ROOT, root(false), root(true));
        AzurePerformer performer = performer(new Credential.AzureCli());
        PlannedStep elevate = step(EntraOp.ELEVATE_ACCESS);

        assertThat(performer.supports(elevate)).isTrue();
        assertThat(performer.outside(elevate)).isEmpty();
        performer.perform(elevate, World.empty());
        assertThat(performer.confirmed(elevate, World.empty(), true)).isTrue();

        assertThat(server.apiRequests())
                .extracting(r -> r.method() + " " + r.path() + "?" + r.query())
                .containsExactly(
                        "GET /v1.0/me?$select=id,userPrincipalName,mail",
                        "POST /providers/Microsoft.Authorization/elevateAccess?api-version=2016-07-01",
                        "GET /v1.0/users/AdeleV@contoso.com?$select=id",
                        "GET " + ROOT + "?api-version=2015-07-01&$filter=principalId%20eq%20%27" + ADELE + "%27",
                        "GET /v1.0/users/AdeleV@contoso.com?$select=id",
                        "GET " + ROOT + "?api-version=2015-07-01&$filter=principalId%20eq%20%27" + ADELE + "%27");
        assertThat(server.apiRequests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.body()).isEmpty();
                    assertThat(r.bearer()).isTrue();
                });
    }

    @Test
    void signedInAsAnAppTheElevationIsThePersonsToDo() throws Exception {
        server.on("GET", ROOT, Fixture.failure("arm/errors/error-shape.json", "AuthorizationFailed"));
        AzurePerformer performer = performer(new Credential.ClientSecret("6731de76-14a6-49ae-97bc-6eba6914391e", "S"));
        PlannedStep elevate = step(EntraOp.ELEVATE_ACCESS);

        Optional<ExternalAction> action = performer.outside(elevate);

        assertThat(action).isPresent();
        assertThat(action.get().line())
                .isEqualTo("elevate/contoso/adelev@contoso.com: AdeleV@contoso.com must sign in to Tenant/contoso and"
                        + " elevate access (Microsoft Entra admin center: Properties, Access management for Azure"
                        + " resources: Yes); elevation is only ever the signed-in person's, and tenantctl is signed"
                        + " in to it as an app (clientSecret)");
        assertThat(performer.confirmed(elevate, World.empty(), false))
                .as("a root scope the app may not read shows no elevation yet: the apply waits, it does not fail")
                .isFalse();
        assertThat(server.apiRequests())
                .noneMatch(r -> r.method().equals("POST") || r.path().equals("/v1.0/me"));
    }

    @Test
    void signedInAsAnotherPersonTheElevationIsThatPersonsToDo() {
        server.on(
                "GET",
                "/v1.0/me",
                Fixture.of("graph/users-get.json")
                        .withBody(b -> ((ObjectNode) b)
                                .put("userPrincipalName", "MeganB@contoso.com")
                                .put("mail", "MeganB@contoso.com")));

        Optional<ExternalAction> action = performer(new Credential.AzureCli()).outside(step(EntraOp.ELEVATE_ACCESS));

        assertThat(action)
                .hasValueSatisfying(
                        a -> assertThat(a.what()).endsWith("tenantctl is signed in to it as MeganB@contoso.com"));
    }

    @Test
    void theRemovalDeletesTheUserAccessAdministratorAssignmentAtTheRoot() throws Exception {
        server.on("GET", ROOT, root(true), root(false))
                .on(
                        "DELETE",
                        ROOT + "/11111111-1111-1111-1111-111111111111",
                        Fixture.of("arm/elevate-access-remove.json"));
        AzurePerformer performer = performer(new Credential.ClientSecret("6731de76-14a6-49ae-97bc-6eba6914391e", "S"));
        PlannedStep remove = step(EntraOp.REMOVE_ELEVATED_ACCESS);

        assertThat(performer.outside(remove)).isEmpty();
        performer.perform(remove, World.empty());
        assertThat(performer.confirmed(remove, World.empty(), true)).isTrue();

        assertThat(server.apiRequests())
                .filteredOn(r -> r.method().equals("DELETE"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo(ROOT + "/11111111-1111-1111-1111-111111111111");
                    assertThat(r.query()).isEqualTo("api-version=2015-07-01");
                    assertThat(r.body()).isEmpty();
                    assertThat(r.bearer()).isTrue();
                });
    }
}
