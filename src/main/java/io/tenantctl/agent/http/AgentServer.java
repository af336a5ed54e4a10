package io.tenantctl.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tenantctl.agent.Agent;
import io.tenantctl.agent.AgentLog;
import io.tenantctl.agent.AgentMetrics;
import io.tenantctl.agent.SourceWorker;
import io.tenantctl.agent.status.HeldPlan;
import io.tenantctl.agent.status.SourceReport;
import io.tenantctl.agent.status.SourceStatus;
import io.tenantctl.agent.status.StatusViews;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.agent.store.Approval;
import io.tenantctl.json.Json;
import io.tenantctl.plan.InvalidPlanException;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.render.MarkdownOptions;
import io.tenantctl.render.PlanMarkdownView;
import io.tenantctl.state.StateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's HTTP port. Reads are open (bind it to loopback, or put it behind a proxy that
 * authenticates, as the default {@code 127.0.0.1:8080} suggests); every write needs a secret: the
 * webhook its HMAC signature, approvals and triggers (API and page form alike) the API token.
 */
final class AgentServer {

    /** The largest request body read (a GitHub push payload is far smaller). */
    private static final int MAX_BODY = 5 << 20;

    private static final int HISTORY_SHOWN = 20;
    private static final Pattern SOURCE_ACTION =
            Pattern.compile("^(/api/v1)?/sources/([a-z0-9][-a-z0-9]{0,62})/(approve|reconcile)$");

    private final Agent agent;
    private final AgentStore store;
    private final AgentMetrics metrics;
    private final Optional<byte[]> webhookSecret;
    private final Optional<String> apiToken;
    private final Clock clock;
    private final AgentLog log;
    private final Map<String, String> planHtml = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 8;
        }
    };
    private HttpServer server;
    private ExecutorService executor;

    AgentServer(
            Agent agent,
            AgentStore store,
            AgentMetrics metrics,
            Optional<byte[]> webhookSecret,
            Optional<String> apiToken,
            Clock clock,
            AgentLog log) {
        this.agent = agent;
        this.store = store;
        this.metrics = metrics;
        this.webhookSecret = webhookSecret;
        this.apiToken = apiToken;
        this.clock = clock;
        this.log = log;
    }

    void start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 50);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Matcher action = SOURCE_ACTION.matcher(path);
            if (path.equals("/healthz")) {
                send(ex, 200, "text/plain; charset=utf-8", "ok\n");
            } else if (path.equals("/readyz")) {
                readyz(ex);
            } else if (path.equals("/metrics")) {
                send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            } else if (path.equals("/hooks/git")) {
                if (must(ex, "POST")) {
                    webhook(ex);
                }
            } else if (path.equals("/api/v1/status")) {
                if (must(ex, "GET")) {
                    send(ex, 200, "application/json", StatusViews.json(reports()));
                }
            } else if (action.matches()) {
                if (must(ex, "POST")) {
                    sourceAction(ex, action.group(1) != null, action.group(2), action.group(3));
                }
            } else if (path.equals("/") || path.equals("/index.html")) {
                if (must(ex, "GET")) {
                    page(ex);
                }
            } else {
                send(ex, 404, "text/plain; charset=utf-8", "not found\n");
            }
        } catch (StateException e) {
            log.error("", "HTTP " + ex.getRequestURI().getPath() + ": " + e.getMessage());
            send(ex, 503, "text/plain; charset=utf-8", "the state store cannot be used: " + e.getMessage() + "\n");
        } catch (RuntimeException e) {
            log.error("", "HTTP " + ex.getRequestURI().getPath() + ": internal error: " + e);
            send(ex, 500, "text/plain; charset=utf-8", "internal error\n");
        }
    }

    private void readyz(HttpExchange ex) throws IOException {
        if (agent.ready()) {
            send(ex, 200, "text/plain; charset=utf-8", "ready\n");
            return;
        }
        List<String> waiting = new ArrayList<>();
        for (SourceWorker w : agent.workers()) {
            if (!w.reported()) {
                waiting.add(w.name());
            }
        }
        send(ex, 503, "text/plain; charset=utf-8", "not ready: no cycle yet for " + String.join(", ", waiting) + "\n");
    }

    private void webhook(HttpExchange ex) throws IOException {
        if (webhookSecret.isEmpty()) {
            metrics.webhook("disabled");
            send(ex, 404, "text/plain; charset=utf-8", "the webhook is off: the configuration names no secret\n");
            return;
        }
        byte[] body = body(ex);
        if (body == null) {
            metrics.webhook("too-large");
            send(ex, 413, "text/plain; charset=utf-8", "the body is too large\n");
            return;
        }
        WebhookSignature.Verdict verdict = WebhookSignature.check(
                webhookSecret.get(), body, ex.getRequestHeaders().getFirst(WebhookSignature.HEADER));
        if (verdict != WebhookSignature.Verdict.VALID) {
            String result = verdict == WebhookSignature.Verdict.MISSING ? "unsigned" : "bad-signature";
            metrics.webhook(result);
            log.warn(
                    "",
                    "webhook refused (" + result + ") from "
                            + ex.getRemoteAddress().getAddress().getHostAddress());
            send(
                    ex,
                    401,
                    "text/plain; charset=utf-8",
                    "signature " + verdict.name().toLowerCase(Locale.ROOT) + "\n");
            return;
        }
        metrics.webhook("accepted");
        if ("ping".equals(ex.getRequestHeaders().getFirst("X-GitHub-Event"))) {
            send(ex, 200, "text/plain; charset=utf-8", "pong\n");
            return;
        }
        Optional<String> branch = pushedBranch(body);
        Optional<String> only = query(ex, "source");
        List<String> triggered = new ArrayList<>();
        for (SourceWorker w : agent.workers()) {
            boolean wanted = only.map(w.name()::equals)
                    .orElseGet(() -> branch.map(w.source().branch()::equals).orElse(true));
            if (wanted) {
                w.trigger();
                triggered.add(w.name());
            }
        }
        log.info("", "webhook: cycles triggered for " + (triggered.isEmpty() ? "no source" : triggered));
        ObjectNode answer = Json.object();
        triggered.forEach(answer.putArray("triggered")::add);
        send(ex, 202, "application/json", Json.compact(answer) + "\n");
    }

    /** The branch a push payload names ({@code "ref": "refs/heads/main"}), if it is one. */
    private static Optional<String> pushedBranch(byte[] body) {
        try {
            JsonNode ref = Json.parse(new String(body, StandardCharsets.UTF_8)).path("ref");
            if (ref.isString() && ref.asString().startsWith("refs/heads/")) {
                return Optional.of(ref.asString().substring("refs/heads/".length()));
            }
        } catch (JacksonException e) {
            // not JSON (a form-encoded payload, or none): every source is asked
        }
        return Optional.empty();
    }

    private void sourceAction(HttpExchange ex, boolean api, String name, String what) throws IOException {
        Optional<SourceWorker> worker = agent.worker(name);
        if (worker.isEmpty()) {
            send(ex, 404, "text/plain; charset=utf-8", "no source " + name + "\n");
            return;
        }
        if (apiToken.isEmpty()) {
            send(
                    ex,
                    403,
                    "text/plain; charset=utf-8",
                    "approving over HTTP is off: the configuration names no API token\n");
            return;
        }
        byte[] body = body(ex);
        if (body == null) {
            send(ex, 413, "text/plain; charset=utf-8", "the body is too large\n");
            return;
        }
        Map<String, String> form = api ? json(body) : form(body);
        String token = api ? bearer(ex) : form.getOrDefault("token", "");
        if (!WebhookSignature.sameSecret(apiToken.get(), token)) {
            log.warn(
                    name,
                    "refused an unauthenticated " + what + " from "
                            + ex.getRemoteAddress().getAddress().getHostAddress());
            send(ex, 401, "text/plain; charset=utf-8", "a valid API token is needed\n");
            return;
        }
        if (what.equals("reconcile")) {
            worker.get().trigger();
            send(ex, 202, "application/json", "{\"triggered\":[\"" + name + "\"]}\n");
            return;
        }
        String by = (api ? "api" : "status page") + " from "
                + ex.getRemoteAddress().getAddress().getHostAddress();
        Approval approval = store.approve(name, form.getOrDefault("digest", ""), by, clock.instant());
        String waiting = approval.held().map(HeldPlan::digest).orElse("none");
        String message = switch (approval.result()) {
            case APPROVED -> "approved plan " + waiting + " of " + name + "; the agent applies it now";
            case ALREADY_APPROVED -> "plan " + waiting + " of " + name + " was approved already";
            case NOTHING_WAITING -> name + " holds no plan (it was applied, or replaced)";
            case OTHER_PLAN -> name + " holds another plan now (" + waiting + "); review it and approve that one";
        };
        log.info(name, message + " (" + by + ")");
        if (approval.result() == Approval.Result.APPROVED) {
            worker.get().trigger();
        }
        int code = switch (approval.result()) {
            case APPROVED, ALREADY_APPROVED -> 200;
            case NOTHING_WAITING, OTHER_PLAN -> 409;
        };
        if (api) {
            send(
                    ex,
                    code,
                    "application/json",
                    Json.compact(Json.object()
                                    .put("result", approval.result().name().toLowerCase(Locale.ROOT))
                                    .put("message", message))
                            + "\n");
        } else {
            ex.getResponseHeaders()
                    .set(
                            "Location",
                            "/?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + "#source-" + name);
            send(ex, 303, "text/plain; charset=utf-8", message + "\n");
        }
    }

    private void page(HttpExchange ex) throws IOException {
        List<StatusPage.Source> sources = new ArrayList<>();
        for (SourceReport r : reports()) {
            Optional<String> html = r.held().flatMap(h -> planHtml(r.status().name(), h));
            boolean here =
                    agent.worker(r.status().name()).map(SourceWorker::leading).orElse(false);
            sources.add(new StatusPage.Source(r, html, here));
        }
        String html = StatusPage.render(sources, apiToken.isPresent(), query(ex, "message"), clock.instant());
        send(ex, 200, "text/html; charset=utf-8", html);
    }

    private Optional<String> planHtml(String source, HeldPlan held) {
        synchronized (planHtml) {
            String cached = planHtml.get(held.digest());
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<String> document = store.document(source, held.digest());
        if (document.isEmpty()) {
            return Optional.empty();
        }
        try {
            String html = MarkdownHtml.render(
                    PlanMarkdownView.render(PlanReader.read(document.get()), MarkdownOptions.DEFAULT));
            synchronized (planHtml) {
                planHtml.put(held.digest(), html);
            }
            return Optional.of(html);
        } catch (InvalidPlanException e) {
            return Optional.of("<p>" + StatusPage.esc("the held plan cannot be read: " + e.getMessage()) + "</p>");
        }
    }

    /** The configured sources, in the order of the configuration, as the store reports them. */
    private List<SourceReport> reports() {
        Map<String, SourceStatus> statuses = new HashMap<>();
        for (SourceStatus s : store.statuses()) {
            statuses.put(s.name(), s);
        }
        Map<String, HeldPlan> held = new HashMap<>();
        for (HeldPlan h : store.heldPlans()) {
            held.put(h.source(), h);
        }
        List<SourceReport> out = new ArrayList<>();
        for (SourceWorker w : agent.workers()) {
            SourceStatus status = statuses.getOrDefault(
                    w.name(),
                    SourceStatus.initial(
                            w.name(),
                            w.source().displayUrl(),
                            w.source().branch(),
                            w.source().paths(),
                            w.source().applyset(),
                            "",
                            clock.instant()));
            out.add(new SourceReport(
                    status, Optional.ofNullable(held.get(w.name())), store.history(w.name(), HISTORY_SHOWN)));
        }
        return out;
    }

    private static boolean must(HttpExchange ex, String method) throws IOException {
        if (ex.getRequestMethod().equals(method)) {
            return true;
        }
        ex.getResponseHeaders().set("Allow", method);
        send(ex, 405, "text/plain; charset=utf-8", "use " + method + "\n");
        return false;
    }

    private static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        }
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> json(byte[] body) {
        Map<String, String> out = new HashMap<>();
        try {
            JsonNode digest =
                    Json.parse(new String(body, StandardCharsets.UTF_8)).path("digest");
            if (digest.isString()) {
                out.put("digest", digest.asString());
            }
        } catch (JacksonException e) {
            // no digest: the approval names nothing and is refused
        }
        return out;
    }

    private static String bearer(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim()
                : "";
    }

    private static Optional<String> query(HttpExchange ex, String name) {
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(form(query.getBytes(StandardCharsets.UTF_8)).get(name));
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (type.startsWith("text/html")) {
            ex.getResponseHeaders()
                    .set(
                            "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        }
        ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
