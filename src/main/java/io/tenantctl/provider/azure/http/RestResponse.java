package io.tenantctl.provider.azure.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A response: its status, headers (names in lower case) and JSON body ({@code null} node when it
 * has none).
 */
public record RestResponse(int status, Map<String, List<String>> headers, JsonNode body) {

    public RestResponse {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The service's id of this request: Graph's {@code request-id} header (or the one its error's
     * {@code innerError} carries, spelt {@code request-id} or {@code requestId}), Resource
     * Manager's {@code x-ms-request-id}.
     */
    public Optional<String> requestId() {
        return header("request-id")
                .or(() -> header("x-ms-request-id"))
                .or(() -> text(body.path("error").path("innerError").path("request-id")))
                .or(() -> text(body.path("error").path("innerError").path("requestId")));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}
