package io.tenantctl.provider.azure.http;

import io.tenantctl.connect.TokenSource;
import io.tenantctl.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends requests to Graph or Resource Manager for one tenant: each with a bearer token for its
 * scope, retried while the service throttles ({@code 429}) or is unavailable ({@code 503}) as
 * {@link Retry} allows, lists read page by page. A failure is a {@link RestFailure}; nothing this
 * class says contains a header.
 */
public final class RestClient {

    /** Pages of one list at most: a service that keeps answering with a next link is not followed forever. */
    static final int MAX_PAGES = 10_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final TokenSource tokens;
    private final Retry retry;
    private final Sleeper sleeper;
    private final Supplier<String> requestIds;
    private final String userAgent;

    public RestClient(HttpClient http, TokenSource tokens, Retry retry, Sleeper sleeper, String userAgent) {
        this(http, tokens, retry, sleeper, () -> UUID.randomUUID().toString(), userAgent);
    }

    RestClient(
            HttpClient http,
            TokenSource tokens,
            Retry retry,
            Sleeper sleeper,
            Supplier<String> requestIds,
            String userAgent) {
        this.http = http;
        this.tokens = tokens;
        this.retry = retry;
        this.sleeper = sleeper;
        this.requestIds = requestIds;
        this.userAgent = userAgent;
    }

    /** Sends a request; a status of 400 or more is a failure. */
    public RestResponse send(RestRequest request) throws RestFailure {
        RestResponse response = exchange(request);
        if (response.status() >= 400) {
            throw failure(request, response);
        }
        return response;
    }

    /**
     * Sends a request and gives whatever status came back, after the retries: for reads that
     * expect a 404 (an object deleted, or not replicated yet).
     */
    public RestResponse exchange(RestRequest request) throws RestFailure {
        String token;
        try {
            token = tokens.token(request.scope());
        } catch (TokenSource.TokenException e) {
            throw new RestFailure(request.line(), 0, "token", e.getMessage(), Optional.empty());
        }
        String clientRequestId = requestIds.get();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> raw;
            try {
                raw = http.send(build(request, token, clientRequestId), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= retry.attempts()) {
                    throw new RestFailure(
                            request.line(),
                            0,
                            "network",
                            "no answer after " + attempt + " tries ("
                                    + e.getClass().getSimpleName() + ")",
                            Optional.empty());
                }
                pause(request, retry.backoff(attempt + 1));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestFailure(request.line(), 0, "interrupted", "", Optional.empty());
            }
            RestResponse response = response(raw);
            boolean throttled = response.status() == 429 || response.status() == 503;
            if (!throttled || attempt >= retry.attempts()) {
                return response;
            }
            Duration wait = retryAfter(response).map(retry::bounded).orElse(retry.backoff(attempt + 1));
            pause(request, wait);
        }
    }

    /**
     * Every item of a list: the {@code value} array of each page, following {@code @odata.nextLink}
     * (Graph) or {@code nextLink} (Resource Manager) unchanged until a page has none. A next link to
     * another host than the first page's is refused: the token is for that host alone.
     */
    public List<JsonNode> list(RestRequest first) throws RestFailure {
        List<JsonNode> items = new ArrayList<>();
        RestRequest request = first;
        for (int page = 1; ; page++) {
            JsonNode body = send(request).body();
            body.path("value").forEach(items::add);
            Optional<String> next = text(body.path("@odata.nextLink")).or(() -> text(body.path("nextLink")));
            if (next.isEmpty()) {
                return items;
            }
            URI uri;
            try {
                uri = URI.create(next.get());
            } catch (IllegalArgumentException e) {
                throw new RestFailure(
                        first.line(), 200, "bad-next-link", "a next link that is not a URL", Optional.empty());
            }
            if (!sameOrigin(first.uri(), uri)) {
                throw new RestFailure(
                        first.line(),
                        200,
                        "bad-next-link",
                        "the next page is on another host (" + uri.getHost() + "); it is not followed",
                        Optional.empty());
            }
            if (page >= MAX_PAGES) {
                throw new RestFailure(
                        first.line(), 200, "too-many-pages", "more than " + MAX_PAGES + " pages", Optional.empty());
            }
            request = first.at(uri);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private HttpRequest build(RestRequest request, String token, String clientRequestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .header("client-request-id", clientRequestId)
                .header("x-ms-client-request-id", clientRequestId);
        request.headers().forEach(builder::header);
        if (request.body().isPresent()) {
            builder.header("Content-Type", "application/json");
            builder.method(
                    request.method(),
                    HttpRequest.BodyPublishers.ofString(
                            Json.compact(request.body().get()), StandardCharsets.UTF_8));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static RestResponse response(HttpResponse<byte[]> raw) {
        Map<String, List<String>> headers = new HashMap<>();
        raw.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        JsonNode body = Json.NODES.nullNode();
        if (raw.body().length > 0) {
            try {
                body = Json.parse(new String(raw.body(), StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                // Not JSON (a proxy's error page): kept out of messages, the status says enough.
                body = Json.NODES.nullNode();
            }
        }
        return new RestResponse(raw.statusCode(), headers, body);
    }

    /** The failure a response with an error status is: Graph's and Resource Manager's {@code error} object. */
    static RestFailure failure(RestRequest request, RestResponse response) {
        JsonNode error = response.body().path("error");
        String code = text(error.path("code")).orElse("http-" + response.status());
        String message = text(error.path("message")).orElse("");
        return new RestFailure(request.line(), response.status(), code, oneLine(message), response.requestId());
    }

    private static String oneLine(String text) {
        String line = text.replace('\r', ' ').replace('\n', ' ');
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }

    /** {@code Retry-After} in seconds (a decimal is allowed) or as an HTTP date. */
    static Optional<Duration> retryAfter(RestResponse response) {
        Optional<String> header = response.header("retry-after");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0 && !Double.isInfinite(seconds)) {
                return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private void pause(RestRequest request, Duration wait) throws RestFailure {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestFailure(request.line(), 0, "interrupted", "", Optional.empty());
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}
