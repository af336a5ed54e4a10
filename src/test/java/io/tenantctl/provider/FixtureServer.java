package io.tenantctl.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tenantctl.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The local stand-in for Microsoft Graph, Azure Resource Manager and the token endpoint: the JDK's
 * {@code HttpsServer} on loopback, with a self-signed certificate made for it by the JDK's
 * {@code keytool} when it starts ({@link #caFile()} is what a connection trusts), answering each
 * request with the fixtures queued for its method and path, and recording every request it got
 * (method, path, query, body, headers; the {@code Authorization} header only as whether it was a
 * bearer token, never its value).
 */
public final class FixtureServer implements AutoCloseable {

    /** The token the token endpoint hands out (the fixture's own, elided value). */
    public static final String TOKEN_FIXTURE = "token/client-credentials-secret.json";

    /** One request as the server got it. */
    public record Recorded(
            String method, String path, String query, Map<String, String> headers, boolean bearer, String body) {}

    private final HttpsServer server;
    private final Path caFile;
    private final Map<String, Deque<Fixture>> routes = new LinkedHashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final Set<String> held = new HashSet<>();
    private final Map<String, Runnable> triggers = new HashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private FixtureServer(HttpsServer server, Path caFile) {
        this.server = server;
        this.caFile = caFile;
    }

    /** Starts a server on 127.0.0.1 and a free port; its key and certificate are made in {@code dir}. */
    public static FixtureServer start(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("server.p12");
        Path ca = dir.resolve("server-ca.pem");
        String password = "changeit";
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                password,
                "-keypass",
                password);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                store.toString(),
                "-storepass",
                password,
                "-file",
                ca.toString());
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            // A request held by the test must not hold up the others.
            server.setExecutor(Executors.newCachedThreadPool());
            FixtureServer fixtures = new FixtureServer(server, ca);
            server.createContext("/", fixtures::handle);
            server.start();
            return fixtures;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** {@code https://127.0.0.1:PORT}, without a trailing slash. */
    public String base() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The server's certificate, PEM: what a connection's {@code endpoints.caFile} names. */
    public Path caFile() {
        return caFile;
    }

    /**
     * Queues responses for a method and path (the query is not part of the route); they are given
     * in order, and the last one again for every later request.
     */
    public synchronized FixtureServer on(String method, String path, Fixture... responses) {
        routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    /**
     * Holds every request to a method and path, once recorded, without an answer until
     * {@link #release()}: the test kills the client while it waits.
     */
    public synchronized FixtureServer hold(String method, String path) {
        held.add(method + " " + path);
        return this;
    }

    /** Lets held requests go on. */
    public void release() {
        release.countDown();
    }

    /** Waits (up to ten minutes, a bound for a hung test rather than a timing) until a request has come. */
    public void awaitRequest(String method, String path) throws InterruptedException {
        for (int i = 0; i < 12_000; i++) {
            synchronized (this) {
                if (requests.stream()
                        .anyMatch(r -> r.method().equals(method) && r.path().equals(path))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + method + " " + path + " came");
    }

    /**
     * Runs {@code then} once, right after the first request to a method and path is recorded and
     * before it is answered: the tenant changes as that request changes it (a guest appears once
     * invited), however many reads came before.
     */
    public synchronized FixtureServer after(String method, String path, Runnable then) {
        triggers.put(method + " " + path, then);
        return this;
    }

    /** Replaces what a method and path answer from now on. */
    public synchronized FixtureServer instead(String method, String path, Fixture... responses) {
        routes.remove(method + " " + path);
        return on(method, path, responses);
    }

    /** What a connections file starts with; {@link #connection} entries follow. */
    public static final String CONNECTIONS = "apiVersion: tenantctl.io/v1\nkind: Connections\ntenants:\n";

    /**
     * A connections file's entry for a tenant this server answers for: an app with a client secret
     * (read from {@code AZURE_CLIENT_SECRET}), every endpoint this server, trusting its certificate.
     */
    public String connection(String name, String tenantId) {
        return """
                  %s:
                    tenantId: %s
                    credential: {kind: clientSecret, clientId: 6731de76-14a6-49ae-97bc-6eba6914391e}
                    endpoints: {login: "%s", graph: "%s", arm: "%s", caFile: %s}
                """.formatted(name, tenantId, base(), base(), base(), caFile());
    }

    /** Answers the token endpoint of a tenant with the documented client-credentials response. */
    public FixtureServer tokens(String tenantId) {
        return on("POST", "/" + tenantId + "/oauth2/v2.0/token", Fixture.of(TOKEN_FIXTURE));
    }

    /** Every request so far, in order. */
    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The requests so far that were not for a token. */
    public synchronized List<Recorded> apiRequests() {
        return requests.stream()
                .filter(r -> !r.path().endsWith("/oauth2/v2.0/token"))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> {
                String name = k.toLowerCase(Locale.ROOT);
                if (!name.equals("authorization")) {
                    headers.put(name, String.join(",", v));
                }
            });
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Fixture answer;
            Runnable trigger;
            boolean hold;
            synchronized (this) {
                hold = held.contains(method + " " + path);
                requests.add(new Recorded(
                        method,
                        path,
                        query,
                        headers,
                        auth != null && auth.startsWith("Bearer ") && auth.length() > 7,
                        new String(body, StandardCharsets.UTF_8)));
                Deque<Fixture> queue = routes.get(method + " " + path);
                answer = queue == null || queue.isEmpty() ? null : queue.size() > 1 ? queue.poll() : queue.peek();
                trigger = triggers.remove(method + " " + path);
            }
            if (trigger != null) {
                trigger.run();
            }
            if (hold) {
                try {
                    release.await(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer == null) {
                byte[] text = ("{\"error\":{\"code\":\"noFixture\",\"message\":\"no fixture for " + method + " " + path
                                + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(501, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = answer.body().isNull() || answer.body().isMissingNode()
                    ? new byte[0]
                    : Json.compact(answer.body()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
