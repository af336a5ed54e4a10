package io.tenantctl.provider.live;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.apply.ApplyResult;
import io.tenantctl.apply.Outcome;
import io.tenantctl.json.Json;
import io.tenantctl.provider.Fixture;
import io.tenantctl.provider.FixtureServer;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.Backend;
import io.tenantctl.testing.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved plan applied to a tenant through the azure performer against the local fixture server:
 * the exact requests each step sends, the wait for replication after a create, a failed request
 * in the middle of the plan and the resumed apply that sends nothing done again.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class LiveApplyTest {

    @Parameter
    Backend backend;

    static final String TENANT = "31c75423-32d6-4322-88b7-c478bdde4858";
    static final String SECRET = "s3cr3t~for.the.live.test";
    /** The id of the user that Get user and Create User answer with. */
    static final String USER = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

    @TempDir
    Path dir;

    FixtureServer server;
    String state;
    Path plan;
    Path connections;
    final List<Duration> waits = new ArrayList<>();

    /** Writes the two manifest sets, applies the first with the record provider and saves the plan of the second. */
    static Path prepare(Path dir, String state) throws Exception {
        Path before = Files.createDirectories(dir.resolve("before"));
        Path after = Files.createDirectories(dir.resolve("after"));
        String admin = """
                apiVersion: tenantctl.io/v1
                kind: Account
                metadata: {name: admin}
                spec: {signInName: admin@contoso.onmicrosoft.com, type: WorkOrSchool}
                """;
        String tenant = """
                apiVersion: tenantctl.io/v1
                kind: Tenant
                metadata: {name: contoso}
                spec:
                  displayName: Contoso
                  initialDomain: contoso.onmicrosoft.com
                """;
        Files.writeString(before.resolve("m.yaml"), tenant + """
                  globalAdministrators: [admin@contoso.onmicrosoft.com]
                ---
                """ + admin);
        Files.writeString(after.resolve("m.yaml"), tenant + """
                  domains: [contoso.com]
                  globalAdministrators: [admin@contoso.onmicrosoft.com, AdeleV@contoso.onmicrosoft.com]
                ---
                apiVersion: tenantctl.io/v1
                kind: Account
                metadata: {name: adele}
                spec: {signInName: AdeleV@contoso.onmicrosoft.com, type: WorkOrSchool, displayName: Adele Vance}
                ---
                """ + admin);
        Result applied = cli().run("apply", "-f", before.toString(), "--auto-approve", "--state", state);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        Path plan = dir.resolve("plan.json");
        Result planned = cli().run("plan", "-f", after.toString(), "--state", state, "--out", plan.toString());
        assertThat(planned.exitCode()).as(planned.toString()).isZero();
        assertThat(planned.out())
                .contains("1. AddDomain contoso.com to Tenant/contoso")
                .contains("2. CreateAccount Account/adele")
                .contains("3. AddGlobalAdmin AdeleV@contoso.onmicrosoft.com to Tenant/contoso");
        return plan;
    }

    static Path connections(Path dir, FixtureServer server) throws Exception {
        return Files.writeString(
                dir.resolve("connections.yaml"), FixtureServer.CONNECTIONS + server.connection("contoso", TENANT));
    }

    /** The fixtures of the plan's three steps; {@code users} is what POST /users answers. */
    static void routes(FixtureServer server, Fixture users) {
        server.tokens(TENANT)
                .on("POST", "/v1.0/domains", Fixture.of("graph/domains-create.json"))
                .on("GET", "/v1.0/domains/contoso.com", Fixture.of("graph/domains-get.json"))
                .on("POST", "/v1.0/users", users)
                // Right after the create, the new user is not replicated yet: one 404, then found.
                .on(
                        "GET",
                        "/v1.0/users/AdeleV@contoso.onmicrosoft.com",
                        Fixture.of("graph/errors/not-found-after-create.json"),
                        Fixture.of("graph/users-get.json"))
                .on(
                        "POST",
                        "/v1.0/roleManagement/directory/roleAssignments",
                        Fixture.of("graph/role-assignments-create.json"))
                .on(
                        "GET",
                        "/v1.0/roleManagement/directory/roleAssignments",
                        Fixture.of("graph/role-assignments-list-global-admin.json")
                                .withBody(b -> ((ObjectNode) b.path("value").get(0)).put("principalId", USER)));
    }

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start(dir);
        state = backend.newState(dir);
        plan = prepare(dir, state);
        connections = connections(dir, server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApplyResult apply() throws Exception {
        return LiveApply.run(state, plan, connections, Map.of("AZURE_CLIENT_SECRET", SECRET), waits::add);
    }

    private static List<String> lines(List<FixtureServer.Recorded> requests) {
        return requests.stream()
                .map(r -> r.method() + " " + r.path() + (r.query().isEmpty() ? "" : "?" + r.query()))
                .toList();
    }

    @Test
    void eachStepSendsItsRequestsAndIsReadBackBeforeTheNext() throws Exception {
        routes(server, Fixture.of("graph/users-create.json"));

        ApplyResult result = apply();

        assertThat(result.outcome()).as(result.diagnostics().toString()).isEqualTo(Outcome.APPLIED);
        assertThat(result.revision()).isEqualTo(2);
        String filter = "$filter=roleDefinitionId%20eq%20%2762e90394-69f5-4237-9190-012177145e10%27&$expand=principal";
        assertThat(lines(server.apiRequests()))
                .containsExactly(
                        "POST /v1.0/domains",
                        "GET /v1.0/domains/contoso.com",
                        "POST /v1.0/users",
                        "GET /v1.0/users/AdeleV@contoso.onmicrosoft.com?$select=id",
                        "GET /v1.0/users/AdeleV@contoso.onmicrosoft.com?$select=id",
                        "GET /v1.0/users/AdeleV@contoso.onmicrosoft.com?$select=id",
                        "POST /v1.0/roleManagement/directory/roleAssignments",
                        "GET /v1.0/users/AdeleV@contoso.onmicrosoft.com?$select=id",
                        "GET /v1.0/roleManagement/directory/roleAssignments?" + filter);
        assertThat(waits).as("one pause for replication after the 404").containsExactly(Duration.ofSeconds(1));
        List<FixtureServer.Recorded> api = server.apiRequests();
        assertThat(Json.parse(api.get(0).body())).isEqualTo(Json.parse("{\"id\":\"contoso.com\"}"));
        JsonNode user = Json.parse(api.get(2).body());
        assertThat(user.path("userPrincipalName").asString()).isEqualTo("AdeleV@contoso.onmicrosoft.com");
        assertThat(user.path("displayName").asString()).isEqualTo("Adele Vance");
        assertThat(user.path("mailNickname").asString()).isEqualTo("AdeleV");
        assertThat(user.path("accountEnabled").asBoolean()).isTrue();
        assertThat(user.path("passwordProfile")
                        .path("forceChangePasswordNextSignIn")
                        .asBoolean())
                .isTrue();
        String password = user.path("passwordProfile").path("password").asString();
        assertThat(password).hasSize(32);
        assertThat(Json.parse(api.get(6).body()))
                .isEqualTo(Json.parse("{\"@odata.type\":\"#microsoft.graph.unifiedRoleAssignment\","
                        + "\"roleDefinitionId\":\"62e90394-69f5-4237-9190-012177145e10\",\"principalId\":\"" + USER
                        + "\",\"directoryScopeId\":\"/\"}"));
        assertThat(api).allMatch(FixtureServer.Recorded::bearer);
        assertThat(api)
                .allMatch(r -> r.headers().get("content-type") == null
                        || r.headers().get("content-type").startsWith("application/json"));
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.headers().toString()).doesNotContain(SECRET));

        JsonNode history = Json.parse(
                        cli().run("history", "--state", state, "-o", "json").out())
                .path("items")
                .get(0);
        assertThat(history.path("revision").asLong()).isEqualTo(2);
        assertThat(history.path("steps")).hasSize(3);
        assertThat(history.path("source").path("provider").asString()).isEqualTo("azure");
        try (var store = JdbcStateStore.open(state, Clock.systemUTC(), () -> "x", Duration.ofSeconds(5))) {
            assertThat(store.journal().unfinished()).isEmpty();
        }
        if (backend == Backend.SQLITE) {
            // Neither the password sent nor the client secret is anywhere in the state's file.
            byte[] stored = Files.readAllBytes(Path.of(state.substring("sqlite:".length())));
            assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                    .doesNotContain(password)
                    .doesNotContain(SECRET);
        }
        Result again =
                cli().run("plan", "-f", dir.resolve("after").toString(), "--state", state, "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    @Test
    void aFailedRequestStopsTheApplyAndTheSamePlanResumesWithoutRepeatingADoneStep() throws Exception {
        routes(server, Fixture.of("graph/errors/error-shape.json"));

        ApplyResult failed = apply();

        assertThat(failed.outcome()).isEqualTo(Outcome.REQUEST_FAILED);
        assertThat(failed.revision()).as("step 1 is recorded").isEqualTo(2);
        assertThat(failed.live().orElseThrow().done()).containsExactly(1);
        assertThat(failed.live().orElseThrow().notRun()).containsExactly(3);
        var step = failed.live().orElseThrow().failed().orElseThrow();
        assertThat(step.index()).isEqualTo(2);
        assertThat(step.code()).isEqualTo("invalidRange");
        assertThat(step.requestId()).contains("request-id");
        assertThat(failed.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .startsWith("step 2 (CreateAccount Account/adele) failed: Tenant/contoso: POST /v1.0/users"
                                + " failed: 400 invalidRange: Uploaded fragment overlaps with existing data. (request id"
                                + " request-id)")
                        .endsWith("steps done: [1], not run: [3]; apply the same plan again to resume"));
        JsonNode history = Json.parse(
                        cli().run("history", "--state", state, "-o", "json").out())
                .path("items")
                .get(0);
        assertThat(history.path("steps")).hasSize(1);
        assertThat(history.path("source").path("outcome").asString()).isEqualTo("request failed at step 2");

        int before = server.apiRequests().size();
        server.instead("POST", "/v1.0/users", Fixture.of("graph/users-create.json"));
        ApplyResult resumed = apply();

        assertThat(resumed.outcome()).as(resumed.diagnostics().toString()).isEqualTo(Outcome.APPLIED);
        assertThat(resumed.live().orElseThrow().resumed()).isTrue();
        assertThat(resumed.revision()).isEqualTo(3);
        List<String> second =
                lines(server.apiRequests().subList(before, server.apiRequests().size()));
        assertThat(second).doesNotContain("POST /v1.0/domains").contains("POST /v1.0/users");
        assertThat(second.stream().filter("POST /v1.0/users"::equals)).hasSize(1);
        assertThat(Json.parse(cli().run("history", "--state", state, "-o", "json")
                                .out())
                        .path("items")
                        .get(0)
                        .path("steps"))
                .hasSize(2);
    }
}
