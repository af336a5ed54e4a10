package io.tenantctl.provider;

import io.tenantctl.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One response of a file under {@code src/test/resources/azure/} (each names the Microsoft page it
 * copies): its status, headers and body. A test may change what the page leaves as a placeholder
 * (a next link's host, a {@code Retry-After} of {@code {seconds}}), never add fields to the body.
 */
public record Fixture(String file, int status, Map<String, String> headers, JsonNode body) {

    /** The response of a fixture file, e.g. {@code graph/users-list-page1.json}. */
    public static Fixture of(String file) {
        try (InputStream in = Fixture.class.getResourceAsStream("/azure/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture azure/" + file);
            }
            JsonNode root = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JsonNode response = root.path("response");
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers")
                    .properties()
                    .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
            return new Fixture(
                    file,
                    response.path("status").asInt(),
                    headers,
                    response.path("body").deepCopy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error response of a fixture file with the service's code this test needs ({@code error.code}). */
    public static Fixture failure(String file, String code) {
        return of(file).withBody(b -> ((ObjectNode) b.path("error")).put("code", code));
    }

    /** The request the fixture's page shows, as the page has it. */
    public static JsonNode request(String file) {
        try (InputStream in = Fixture.class.getResourceAsStream("/azure/" + file)) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .path("request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same response with one header set (a placeholder the page leaves, such as {@code {seconds}}). */
    public Fixture withHeader(String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put(name, value);
        return new Fixture(file, status, out, body);
    }

    /** The same response with its body's next link pointing at the test server. */
    public Fixture withNextLink(String member, String url) {
        return withBody(b -> ((ObjectNode) b).put(member, url));
    }

    /** The same response with a change to a copy of its body. */
    public Fixture withBody(Consumer<JsonNode> change) {
        JsonNode copy = body.deepCopy();
        change.accept(copy);
        return new Fixture(file, status, headers, copy);
    }
}
