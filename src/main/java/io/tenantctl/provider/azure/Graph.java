package io.tenantctl.provider.azure;

import io.tenantctl.connect.TenantConnection;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.provider.azure.http.RestClient;
import io.tenantctl.provider.azure.http.RestFailure;
import io.tenantctl.provider.azure.http.RestRequest;
import io.tenantctl.provider.azure.http.RestResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One tenant's Microsoft Graph v1.0: requests by path, each response's request id kept for the
 * journal, and a failed request turned into the step's failure with the service's words.
 */
final class Graph {

    private final TenantConnection connection;
    private final RestClient client;

    Graph(TenantConnection connection, RestClient client) {
        this.connection = connection;
        this.client = client;
    }

    String tenant() {
        return connection.name();
    }

    TenantConnection connection() {
        return connection;
    }

    RestClient client() {
        return client;
    }

    /** The ids of the requests one step sent, in order. */
    static final class Ids {
        private final List<String> ids = new ArrayList<>();

        void add(RestResponse response) {
            response.requestId().ifPresent(ids::add);
        }

        List<String> list() {
            return List.copyOf(ids);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(connection.endpoints().graph() + "/v1.0" + pathAndQuery);
    }

    /** Sends a request; a failure status becomes the step's failure. */
    JsonNode send(RestRequest request, Ids ids) throws StepFailure {
        try {
            RestResponse response = client.send(request);
            ids.add(response);
            return response.body();
        } catch (RestFailure f) {
            throw failure(f, ids);
        }
    }

    /** Sends a read and gives its response whatever its status (a 404 is an answer here). */
    RestResponse read(String pathAndQuery, Ids ids) throws StepFailure {
        return read(uri(pathAndQuery), connection.endpoints().graphScope(), "GET /v1.0" + pathAndQuery, ids);
    }

    /** A read of Resource Manager, as {@link #read}. */
    RestResponse armRead(String pathAndQuery, Ids ids) throws StepFailure {
        return read(armUri(pathAndQuery), connection.endpoints().armScope(), "GET " + pathAndQuery, ids);
    }

    private RestResponse read(URI uri, String scope, String what, Ids ids) throws StepFailure {
        try {
            RestResponse response = client.exchange(RestRequest.get(uri, scope));
            ids.add(response);
            if (response.status() >= 400 && response.status() != 404) {
                throw failed(what, response, ids);
            }
            return response;
        } catch (RestFailure f) {
            throw failure(f, ids);
        }
    }

    private URI armUri(String pathAndQuery) {
        return URI.create(connection.endpoints().arm() + pathAndQuery);
    }

    /** Every item of a Resource Manager list, page by page. */
    List<JsonNode> armList(String pathAndQuery) throws StepFailure {
        try {
            return client.list(
                    RestRequest.get(armUri(pathAndQuery), connection.endpoints().armScope()));
        } catch (RestFailure f) {
            throw failure(f, new Ids());
        }
    }

    JsonNode armPut(String pathAndQuery, JsonNode body, Ids ids) throws StepFailure {
        return send(
                RestRequest.withBody(
                        "PUT", armUri(pathAndQuery), connection.endpoints().armScope(), body),
                ids);
    }

    /** A Resource Manager action: a POST without a body ({@code elevateAccess}, a subscription's {@code cancel}). */
    JsonNode armPost(String pathAndQuery, Ids ids) throws StepFailure {
        return send(action(armUri(pathAndQuery), connection.endpoints().armScope()), ids);
    }

    /**
     * A Graph action, a POST without a body, whose refusal is an answer the caller reads (a domain
     * whose DNS record is not published yet): its response whatever its status, after the retries.
     */
    RestResponse attempt(String path, Ids ids) throws StepFailure {
        try {
            RestResponse response =
                    client.exchange(action(uri(path), connection.endpoints().graphScope()));
            ids.add(response);
            return response;
        } catch (RestFailure f) {
            throw failure(f, ids);
        }
    }

    /** A POST without a body, with the content type the pages of actions show. */
    private static RestRequest action(URI uri, String scope) {
        return new RestRequest("POST", uri, scope, Map.of("Content-Type", "application/json"), Optional.empty());
    }

    void armDelete(String pathAndQuery, Ids ids) throws StepFailure {
        send(RestRequest.delete(armUri(pathAndQuery), connection.endpoints().armScope()), ids);
    }

    /** Every item of a list, page by page. */
    List<JsonNode> list(String pathAndQuery) throws StepFailure {
        try {
            return client.list(
                    RestRequest.get(uri(pathAndQuery), connection.endpoints().graphScope()));
        } catch (RestFailure f) {
            throw failure(f, new Ids());
        }
    }

    JsonNode post(String path, JsonNode body, Ids ids) throws StepFailure {
        return send(
                RestRequest.withBody("POST", uri(path), connection.endpoints().graphScope(), body), ids);
    }

    JsonNode patch(String path, JsonNode body, Ids ids) throws StepFailure {
        return send(
                RestRequest.withBody("PATCH", uri(path), connection.endpoints().graphScope(), body), ids);
    }

    void delete(String path, Ids ids) throws StepFailure {
        send(RestRequest.delete(uri(path), connection.endpoints().graphScope()), ids);
    }

    /** The step's failure for an error response that was read rather than thrown. */
    StepFailure failed(String what, RestResponse response, Ids ids) {
        return failure(
                new RestFailure(
                        what,
                        response.status(),
                        response.body().path("error").path("code").asString("http-" + response.status()),
                        response.body().path("error").path("message").asString(""),
                        response.requestId()),
                ids);
    }

    private StepFailure failure(RestFailure f, Ids ids) {
        return new StepFailure(
                "Tenant/" + connection.name() + ": " + f.getMessage(), f.code(), f.requestId(), ids.list());
    }

    /** A value as one path segment: encoded, with {@code @} kept readable as Graph's pages show it. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%40", "@");
    }

    /** A string literal of an OData {@code $filter}, its quotes doubled, encoded for a query. */
    static String literal(String value) {
        return URLEncoder.encode("'" + value.replace("'", "''") + "'", StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
