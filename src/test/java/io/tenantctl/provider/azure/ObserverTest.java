package io.tenantctl.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.connect.Connections;
import io.tenantctl.connect.Credential;
import io.tenantctl.connect.Endpoints;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.provider.Fixture;
import io.tenantctl.provider.FixtureServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading a connected tenant through Graph and Resource Manager against the fixture server: the
 * requests sent, paging, what is managed and what is only shown, and a failed read that leaves its
 * part unseen (never empty) while the other parts are read.
 */
class ObserverTest {

    static final String TENANT = "31c75423-32d6-4322-88b7-c478bdde4858";
    static final String SUBSCRIPTION = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";

    @TempDir
    Path dir;

    FixtureServer server;
    Observer observer;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start(dir);
        Endpoints local =
                new Endpoints(server.base() + "/", server.base(), server.base(), Optional.of(server.caFile()));
        Connections connections = new Connections(
                "connections.yaml",
                1,
                Map.of(
                        "contoso",
                        new TenantConnection(
                                "contoso",
                                TENANT,
                                new Credential.ClientSecret("6731de76-14a6-49ae-97bc-6eba6914391e", "SECRET"),
                                local)));
        observer = new Observer(connections, new AzureTenants(connections, Map.of("SECRET", "s"), d -> {}));
        server.tokens(TENANT)
                .on("GET", "/v1.0/organization", Fixture.of("graph/organization-list.json"))
                .on("GET", "/v1.0/domains", Fixture.of("graph/domains-list.json"))
                .on(
                        "GET",
                        "/v1.0/users",
                        Fixture.of("graph/users-list-page1.json")
                                .withNextLink("@odata.nextLink", server.base() + "/v1.0/users?$skiptoken=X%2744%27"),
                        Fixture.of("graph/users-list-page2.json"))
                .on(
                        "GET",
                        "/v1.0/roleManagement/directory/roleAssignments",
                        Fixture.of("graph/role-assignments-list-global-admin.json")
                                .withBody(b -> ((ObjectNode)
                                                b.path("value").get(2).path("principal"))
                                        .put("@odata.type", "#microsoft.graph.group")))
                .on(
                        "GET",
                        "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances",
                        Fixture.of("graph/role-eligibility-schedule-instances-list.json"))
                .on("GET", "/v1.0/directory/subscriptions", Fixture.of("graph/directory-subscriptions-list.json"))
                .on(
                        "GET",
                        "/subscriptions",
                        Fixture.of("arm/subscriptions-list.json").withBody(b -> ((ObjectNode) b).putNull("nextLink")))
                .on(
                        "GET",
                        "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Authorization/roleAssignments",
                        ownersAtSubscriptionAndRoot())
                .on(
                        "GET",
                        "/providers/Microsoft.Authorization/roleAssignments",
                        Fixture.of("arm/role-assignments-list-root-scope.json")
                                .withBody(b -> ((ObjectNode)
                                                b.path("value").get(0).path("properties"))
                                        .put("principalId", ADELE)));
    }

    /** Adele Vance, of List users' page: the user the root scope's elevation fixture is given to. */
    static final String ADELE = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

    /**
     * The subscription's role assignments: the spec example's assignment made Owner at this
     * subscription (the example's is another), and the
     * elevate-access page's assignment at the root scope made Owner too (values changed, no field
     * added), which a read at the subscription shows as inherited.
     */
    private static Fixture ownersAtSubscriptionAndRoot() {
        JsonNode root = Fixture.of("arm/role-assignments-list-root-scope.json")
                .body()
                .path("value")
                .get(0);
        return Fixture.of("arm/role-assignments-list-for-subscription.json").withBody(b -> {
            ArrayNode value = (ArrayNode) b.path("value");
            ((ObjectNode) value.get(0).path("properties"))
                    .put("scope", "/subscriptions/" + SUBSCRIPTION)
                    .put(
                            "roleDefinitionId",
                            "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/"
                                    + TenantReader.OWNER);
            ObjectNode inherited = (ObjectNode) root.deepCopy();
            ((ObjectNode) inherited.path("properties"))
                    .put(
                            "roleDefinitionId",
                            "/providers/Microsoft.Authorization/roleDefinitions/" + TenantReader.OWNER);
            value.add(inherited);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTenantIsReadPartByPartWithWhatIsManagedAndWhatIsOnlyShown() throws Exception {
        LiveTenant contoso = observer.readAll().get(0);

        assertThat(contoso.organization().seen())
                .contains(new LiveTenant.Organization("84841066-274d-4ec0-a5c1-276be684bdd3", "Contoso"));
        assertThat(contoso.domains().seen().orElseThrow())
                .containsExactly(new LiveTenant.Domain("contoso.com", true, false));
        List<LiveTenant.User> users = contoso.users().seen().orElseThrow();
        assertThat(users).hasSize(3);
        assertThat(users.get(2).userPrincipalName()).isEqualTo("AdeleV@contoso.com");
        LiveTenant.Assignments admins = contoso.globalAdministrators().seen().orElseThrow();
        assertThat(admins.directUsers())
                .containsExactly("ace08ec9-aa11-4ada-9145-addf0398233e", "6f87972e-2e7e-4b49-9980-eb3888bdcfe1");
        assertThat(admins.shown())
                .singleElement()
                .satisfies(h -> assertThat(h.why()).startsWith("a role-assignable group"));
        assertThat(contoso.eligibleGlobalAdministrators().seen()).contains(1);
        assertThat(contoso.office365().seen().orElseThrow())
                .containsExactly(new LiveTenant.Office365Subscription(
                        "860697e3-b0aa-4196-a6c6-7ec361ed58f7", "MyPartNumber", "Enabled"));
        List<LiveTenant.AzureSubscription> subscriptions =
                contoso.subscriptions().seen().orElseThrow();
        assertThat(subscriptions)
                .as("only the subscription that trusts this tenant")
                .hasSize(1);
        LiveTenant.Assignments owners = subscriptions.get(0).owners().seen().orElseThrow();
        assertThat(owners.directUsers()).containsExactly("ce2ce14e-85d7-4629-bdbc-454d0519d987");
        assertThat(owners.shown())
                .singleElement()
                .satisfies(h -> assertThat(h.why()).isEqualTo("inherited from /"));

        String filter = "$filter=roleDefinitionId%20eq%20%2762e90394-69f5-4237-9190-012177145e10%27";
        assertThat(server.apiRequests().stream().map(r -> r.method() + " " + r.path() + "?" + r.query()))
                .containsExactly(
                        "GET /v1.0/organization?",
                        "GET /v1.0/domains?",
                        "GET /v1.0/users?$select=" + TenantReader.USER_FIELDS,
                        "GET /v1.0/users?$skiptoken=X%2744%27",
                        "GET /v1.0/roleManagement/directory/roleAssignments?" + filter + "&$expand=principal",
                        "GET /v1.0/roleManagement/directory/roleEligibilityScheduleInstances?" + filter,
                        "GET /v1.0/directory/subscriptions?",
                        "GET /subscriptions?api-version=2022-12-01",
                        "GET /subscriptions/" + SUBSCRIPTION
                                + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()",
                        "GET /providers/Microsoft.Authorization/roleAssignments?api-version=2015-07-01&$filter=atScope()");
        assertThat(contoso.elevated().seen())
                .as("the User Access Administrator assignment at / that elevation makes")
                .contains(List.of(ADELE));
    }

    @Test
    void elevatedAccessIsUnseenWhereTheTokenMayNotReadTheRootScope() throws Exception {
        server.instead(
                "GET",
                "/providers/Microsoft.Authorization/roleAssignments",
                Fixture.failure("arm/errors/error-shape.json", "AuthorizationFailed"));

        LiveTenant contoso = observer.readAll().get(0);

        assertThat(contoso.elevated())
                .isInstanceOfSatisfying(
                        Part.Unseen.class, unseen -> assertThat(unseen.code()).isEqualTo("AuthorizationFailed"));
        assertThat(contoso.users().seen()).isPresent();
    }

    @Test
    void aReadThatFailsLeavesItsPartUnseenAndTheOthersAreStillRead() throws Exception {
        server.instead(
                "GET", "/v1.0/users", Fixture.failure("graph/errors/error-shape.json", "Authorization_RequestDenied"));

        LiveTenant contoso = observer.readAll().get(0);

        assertThat(contoso.users()).isInstanceOfSatisfying(Part.Unseen.class, unseen -> {
            assertThat(unseen.code()).isEqualTo("Authorization_RequestDenied");
            assertThat(unseen.requestId()).contains("request-id");
            assertThat(unseen.why()).startsWith("GET /v1.0/users?$select=id,userPrincipalName");
        });
        assertThat(contoso.users().seen()).isEmpty();
        assertThat(contoso.domains().seen()).isPresent();
        assertThat(contoso.subscriptions().seen()).isPresent();
    }
}
