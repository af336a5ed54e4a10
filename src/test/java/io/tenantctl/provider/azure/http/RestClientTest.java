package io.tenantctl.provider.azure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.connect.Credential;
import io.tenantctl.connect.Endpoints;
import io.tenantctl.connect.IdentityTokens;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.connect.Tls;
import io.tenantctl.provider.Fixture;
import io.tenantctl.provider.FixtureServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP layer against the local fixture server over HTTPS, with a real azure-identity client
 * secret credential signing in at the server's token endpoint: paging, throttling, errors, and
 * that no token or secret is ever in a failure.
 */
class RestClientTest {

    static final String TENANT = "31c75423-32d6-4322-88b7-c478bdde4858";
    static final String SECRET = "s3cr3t-Value~for.the.test";

    @TempDir
    static Path dir;

    static FixtureServer server;
    static TenantConnection connection;

    final List<Duration> waits = new ArrayList<>();
    RestClient client;

    @BeforeAll
    static void start() throws Exception {
        server = FixtureServer.start(dir);
        connection = new TenantConnection(
                "contoso",
                TENANT,
                new Credential.ClientSecret("6731de76-14a6-49ae-97bc-6eba6914391e", "AZURE_CLIENT_SECRET"),
                new Endpoints(server.base() + "/", server.base(), server.base(), Optional.of(server.caFile())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void client() throws Exception {
        server.tokens(TENANT);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(Tls.context(connection.endpoints().caFile()))
                .build();
        client = new RestClient(
                http,
                new IdentityTokens(connection, Map.of("AZURE_CLIENT_SECRET", SECRET)),
                Retry.DEFAULT,
                waits::add,
                "tenantctl-test");
    }

    private RestRequest graph(String pathAndQuery) {
        return RestRequest.get(
                URI.create(server.base() + "/v1.0" + pathAndQuery),
                connection.endpoints().graphScope());
    }

    @Test
    void aListIsReadPageByPageFollowingTheNextLinkUnchanged() throws Exception {
        String next = server.base() + "/v1.0/pages?$top=5&$skiptoken=X%274453707%27";
        server.on(
                "GET",
                "/v1.0/pages",
                Fixture.of("graph/users-list-page1.json").withNextLink("@odata.nextLink", next),
                Fixture.of("graph/users-list-page2.json"));

        List<JsonNode> users = client.list(graph("/pages?$top=5"));

        int firstPage =
                Fixture.of("graph/users-list-page1.json").body().path("value").size();
        assertThat(users).hasSize(firstPage + 1);
        assertThat(users.get(firstPage).path("displayName").asString()).isEqualTo("Adele Vance");
        List<FixtureServer.Recorded> sent = server.apiRequests().stream()
                .filter(r -> r.path().equals("/v1.0/pages"))
                .toList();
        assertThat(sent)
                .extracting(FixtureServer.Recorded::query)
                .containsExactly("$top=5", "$top=5&$skiptoken=X%274453707%27");
        assertThat(sent).allMatch(FixtureServer.Recorded::bearer);
        assertThat(sent).allSatisfy(r -> assertThat(r.headers().toString()).doesNotContain(SECRET));
    }

    @Test
    void resourceManagerListsPageWithNextLinkUntilItIsNull() throws Exception {
        String next = server.base() + "/subscriptions?api-version=2022-12-01&$skiptoken=abc";
        server.on(
                "GET",
                "/subscriptions",
                Fixture.of("arm/subscriptions-list.json").withNextLink("nextLink", next),
                Fixture.of("arm/subscriptions-list.json").withBody(b -> ((ObjectNode) b).putNull("nextLink")));

        List<JsonNode> subscriptions = client.list(RestRequest.get(
                URI.create(server.base() + "/subscriptions?api-version=2022-12-01"),
                connection.endpoints().armScope()));

        assertThat(subscriptions)
                .hasSize(2
                        * Fixture.of("arm/subscriptions-list.json")
                                .body()
                                .path("value")
                                .size());
    }

    @Test
    void throttlingWaitsAsRetryAfterSaysThenRetries() throws Exception {
        server.on(
                "GET",
                "/v1.0/throttled",
                Fixture.of("graph/errors/throttled-429.json"),
                Fixture.of("graph/users-list-page2.json"));

        List<JsonNode> users = client.list(graph("/throttled"));

        assertThat(users).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofMillis(2128));
        assertThat(server.apiRequests().stream().filter(r -> r.path().equals("/v1.0/throttled")))
                .hasSize(2);
    }

    @Test
    void unavailableWithoutRetryAfterBacksOffExponentially() throws Exception {
        Fixture unavailable = Fixture.of("arm/errors/throttled-429.json")
                .withHeader("Retry-After", "")
                .withBody(b -> {});
        server.on(
                "GET",
                "/v1.0/backoff",
                new Fixture(unavailable.file(), 503, Map.of(), unavailable.body()),
                new Fixture(unavailable.file(), 503, Map.of(), unavailable.body()),
                Fixture.of("graph/users-list-page2.json"));

        client.list(graph("/backoff"));

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void throttlingThatNeverEndsFailsAfterTheLastTryWithTheServicesCodeAndRequestId() {
        server.on("GET", "/v1.0/always-throttled", Fixture.of("graph/errors/throttled-429.json"));

        assertThatThrownBy(() -> client.list(graph("/always-throttled")))
                .isInstanceOfSatisfying(RestFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(429);
                    assertThat(f.code()).isEqualTo("TooManyRequests");
                    assertThat(f.requestId()).contains("94fb3b52-452a-4535-a601-69e0a90e3aa2");
                    assertThat(f.getMessage())
                            .startsWith("GET /v1.0/always-throttled failed: 429 TooManyRequests")
                            .endsWith("(request id 94fb3b52-452a-4535-a601-69e0a90e3aa2)");
                });
        assertThat(waits).hasSize(Retry.DEFAULT.attempts() - 1).allMatch(w -> w.equals(Duration.ofMillis(2128)));
    }

    @Test
    void aRetryAfterLongerThanTheBoundIsCut() throws Exception {
        server.on(
                "GET",
                "/v1.0/long-wait",
                Fixture.of("graph/errors/throttled-429.json").withHeader("Retry-After", "86400"),
                Fixture.of("graph/users-list-page2.json"));

        client.list(graph("/long-wait"));

        assertThat(waits).containsExactly(Retry.DEFAULT.longestWait());
    }

    @Test
    void anErrorCarriesGraphsCodeAndRequestIdAndNoSecret() {
        server.on("GET", "/v1.0/broken", Fixture.of("graph/errors/error-shape.json"));

        assertThatThrownBy(() -> client.send(graph("/broken?$select=id")))
                .isInstanceOfSatisfying(RestFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("invalidRange");
                    assertThat(f.status()).isEqualTo(400);
                    assertThat(f.requestId()).contains("request-id");
                    assertThat(f.getMessage())
                            .isEqualTo("GET /v1.0/broken?$select=id failed: 400 invalidRange: Uploaded fragment"
                                    + " overlaps with existing data. (request id request-id)")
                            .doesNotContain(SECRET)
                            .doesNotContainIgnoringCase("bearer");
                });
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() {
        server.on(
                "GET",
                "/v1.0/elsewhere",
                Fixture.of("graph/users-list-page1.json")
                        .withNextLink("@odata.nextLink", "https://graph.microsoft.com/v1.0/users?$skiptoken=x"));

        assertThatThrownBy(() -> client.list(graph("/elsewhere"))).isInstanceOfSatisfying(RestFailure.class, f -> {
            assertThat(f.code()).isEqualTo("bad-next-link");
            assertThat(f.getMessage()).contains("another host (graph.microsoft.com)");
        });
        assertThat(server.apiRequests()).noneMatch(r -> r.query().contains("skiptoken=x"));
    }

    @Test
    void theTokenRequestIsTheDocumentedClientCredentialsGrantAndTheSecretGoesNowhereElse() throws Exception {
        server.on("GET", "/v1.0/organization", Fixture.of("graph/organization-list.json"));

        client.list(graph("/organization"));

        List<FixtureServer.Recorded> tokenRequests = server.requests().stream()
                .filter(r -> r.path().equals("/" + TENANT + "/oauth2/v2.0/token"))
                .toList();
        assertThat(tokenRequests).isNotEmpty();
        assertThat(tokenRequests.get(0).method()).isEqualTo("POST");
        assertThat(tokenRequests.get(0).body())
                .contains("grant_type=client_credentials")
                .contains("client_id=6731de76-14a6-49ae-97bc-6eba6914391e")
                .contains(URLEncoder.encode(server.base() + "/.default", StandardCharsets.UTF_8));
        assertThat(server.apiRequests())
                .allSatisfy(r -> assertThat(r.headers() + r.body() + r.query()).doesNotContain(SECRET));
    }

    @Test
    void aCredentialThatCannotSignInFailsWithoutRepeatingTheSecret() throws Exception {
        TenantConnection other = new TenantConnection(
                "fabrikam", "8f70baf1-1f6e-46a2-a1ff-238dac1ebfb7", connection.credential(), connection.endpoints());
        server.on(
                "POST",
                "/8f70baf1-1f6e-46a2-a1ff-238dac1ebfb7/oauth2/v2.0/token",
                Fixture.of("token/client-credentials-error.json"));
        RestClient failing = new RestClient(
                HttpClient.newBuilder()
                        .sslContext(Tls.context(other.endpoints().caFile()))
                        .build(),
                new IdentityTokens(other, Map.of("AZURE_CLIENT_SECRET", SECRET)),
                Retry.DEFAULT,
                waits::add,
                "tenantctl-test");

        assertThatThrownBy(() -> failing.send(graph("/organization"))).isInstanceOfSatisfying(RestFailure.class, f -> {
            assertThat(f.code()).isEqualTo("token");
            assertThat(f.getMessage())
                    .contains("cannot sign in to tenant fabrikam (8f70baf1-1f6e-46a2-a1ff-238dac1ebfb7)"
                            + " with its clientSecret credential")
                    .doesNotContain(SECRET);
        });
    }
}
