package io.tenantctl.provider.azure.http;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * One request, as sent (the tests' server records the same fields).
 *
 * @param scope   the token scope it is sent with (Graph's or Resource Manager's)
 * @param headers headers besides {@code Authorization}, which the client adds and nobody records
 */
public record RestRequest(String method, URI uri, String scope, Map<String, String> headers, Optional<JsonNode> body) {

    public RestRequest {
        headers = Map.copyOf(new TreeMap<>(headers));
    }

    public static RestRequest get(URI uri, String scope) {
        return new RestRequest("GET", uri, scope, Map.of(), Optional.empty());
    }

    public static RestRequest delete(URI uri, String scope) {
        return new RestRequest("DELETE", uri, scope, Map.of(), Optional.empty());
    }

    public static RestRequest withBody(String method, URI uri, String scope, JsonNode body) {
        return new RestRequest(method, uri, scope, Map.of(), Optional.of(body));
    }

    /** The same request to another address (the next page of a list). */
    RestRequest at(URI next) {
        return new RestRequest(method, next, scope, headers, body);
    }

    /** {@code GET /v1.0/users?$select=...}: method, path and query, as failures show it. */
    public String line() {
        String query = uri.getRawQuery();
        return method + " " + uri.getRawPath() + (query == null ? "" : "?" + query);
    }
}
