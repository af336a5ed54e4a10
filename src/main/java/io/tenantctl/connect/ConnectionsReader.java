package io.tenantctl.connect;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.load.ConfigFile;
import io.tenantctl.load.SourceMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a connections file with the manifests' safe YAML reader (no anchors, tags or duplicate
 * keys; bounded sizes) and checks every key and value, reporting each problem at its
 * {@code file:line:column}, all at once. A value that looks like a secret where an environment
 * variable's name belongs is refused without repeating it.
 *
 * <pre>
 * apiVersion: tenantctl.io/v1
 * kind: Connections
 * parallelism: 4
 * tenants:
 *   contoso:
 *     tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
 *     credential: {kind: clientSecret, clientId: 00000000-..., secretEnv: AZURE_CLIENT_SECRET}
 *     cloud: public
 *     endpoints: {login: https://..., graph: https://..., arm: https://..., caFile: ca.pem}
 * </pre>
 */
public final class ConnectionsReader {

    public static final String API_VERSION = "tenantctl.io/v1";
    public static final String KIND = "Connections";

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ENV = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");
    private static final Pattern HTTPS = Pattern.compile("^https://[A-Za-z0-9.\\-\\[\\]:]{1,253}/?$");

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "parallelism", "tenants");
    private static final Set<String> TENANT = Set.of("tenantId", "credential", "cloud", "endpoints");
    private static final Set<String> ENDPOINTS = Set.of("login", "graph", "arm", "caFile");
    private static final Map<String, Set<String>> CREDENTIAL = Map.of(
            "azureCli", Set.of("kind"),
            "clientSecret", Set.of("kind", "clientId", "secretEnv"),
            "clientCertificate", Set.of("kind", "clientId", "certificateEnv", "passwordEnv"),
            "workloadIdentity", Set.of("kind", "clientId", "tokenFileEnv"),
            "githubActions", Set.of("kind", "clientId"));

    /** What reading gave: the connections when the file is valid, and every problem. */
    public record Result(Optional<Connections> connections, List<Diagnostic> diagnostics) {

        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final Path folder;
    private ConfigFile file;

    private ConnectionsReader(Path folder) {
        this.folder = folder;
    }

    /** Reads a file's bytes; {@code display} names it in diagnostics, relative paths in it are against its folder. */
    public static Result read(Path file, String display, byte[] bytes) {
        Path parent = file.toAbsolutePath().getParent();
        return new ConnectionsReader(parent == null ? Path.of("") : parent).parse(display, bytes);
    }

    private Result parse(String display, byte[] bytes) {
        file = ConfigFile.read(display, bytes, Codes.CONNECTIONS, "a connections file");
        if (file.root().isEmpty()) {
            return new Result(Optional.empty(), file.problems());
        }
        JsonNode root = file.root().get();
        if (!root.isObject()) {
            error("", false, "a connections file is a mapping (apiVersion, kind, tenants, ...)");
            return new Result(Optional.empty(), file.problems());
        }
        file.keys(root, "", TOP);
        file.constant(root, "apiVersion", API_VERSION);
        file.constant(root, "kind", KIND);
        int parallelism = parallelism(root);
        Map<String, TenantConnection> tenants = new TreeMap<>();
        JsonNode list = root.get("tenants");
        if (list == null || !list.isObject() || list.isEmpty()) {
            error(list == null ? "" : "/tenants", false, "tenants is a mapping of tenant name to its connection");
        } else {
            for (String name : list.propertyNames()) {
                tenant(name, list.get(name)).ifPresent(t -> tenants.put(name, t));
            }
        }
        if (file.hasProblems()) {
            return new Result(Optional.empty(), file.problems());
        }
        return new Result(Optional.of(new Connections(display, parallelism, tenants)), file.problems());
    }

    private int parallelism(JsonNode root) {
        JsonNode value = root.get("parallelism");
        if (value == null) {
            return 4;
        }
        if (!value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > Connections.MAX_PARALLELISM) {
            error("/parallelism", false, "parallelism is a whole number from 1 to " + Connections.MAX_PARALLELISM);
            return 1;
        }
        return value.asInt();
    }

    private Optional<TenantConnection> tenant(String name, JsonNode node) {
        String at = "/tenants/" + SourceMap.escape(name);
        if (!NAME.matcher(name).matches()) {
            error(at, true, "a tenant name is a Tenant's metadata.name: lowercase letters, digits and '-'");
        }
        if (!node.isObject()) {
            error(at, false, "a tenant's connection is a mapping (tenantId, credential, cloud, endpoints)");
            return Optional.empty();
        }
        file.keys(node, at, TENANT);
        Optional<String> tenantId = string(node, at, "tenantId", true);
        if (tenantId.isPresent() && !GUID.matcher(tenantId.get()).matches()) {
            error(at + "/tenantId", false, "tenantId is the directory's id, a GUID");
        }
        Optional<Credential> credential = credential(node.get("credential"), at);
        Cloud cloud = Cloud.PUBLIC;
        Optional<String> cloudName = string(node, at, "cloud", false);
        if (cloudName.isPresent()) {
            cloud = Cloud.fromWireName(cloudName.get()).orElse(Cloud.PUBLIC);
            if (Cloud.fromWireName(cloudName.get()).isEmpty()) {
                error(at + "/cloud", false, "cloud is public, usgovernment or china, not " + cloudName.get());
            }
        }
        Endpoints endpoints = endpoints(node.get("endpoints"), at, cloud.endpoints());
        if (tenantId.isEmpty() || credential.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TenantConnection(name, tenantId.get().toLowerCase(), credential.get(), endpoints));
    }

    private Optional<Credential> credential(JsonNode node, String tenantAt) {
        String at = tenantAt + "/credential";
        if (node == null) {
            error(
                    tenantAt,
                    false,
                    "missing key 'credential' (kind: azureCli, clientSecret, clientCertificate,"
                            + " workloadIdentity or githubActions)");
            return Optional.empty();
        }
        if (!node.isObject()) {
            error(at, false, "credential is a mapping with a kind");
            return Optional.empty();
        }
        Optional<String> kind = string(node, at, "kind", true);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Set<String> allowed = CREDENTIAL.get(kind.get());
        if (allowed == null) {
            error(
                    at + "/kind",
                    false,
                    "kind is azureCli, clientSecret, clientCertificate, workloadIdentity or githubActions, not "
                            + kind.get());
            return Optional.empty();
        }
        file.keys(node, at, allowed);
        if (kind.get().equals("azureCli")) {
            return Optional.of(new Credential.AzureCli());
        }
        Optional<String> clientId = string(node, at, "clientId", true);
        if (clientId.isPresent() && !GUID.matcher(clientId.get()).matches()) {
            error(at + "/clientId", false, "clientId is the app registration's application (client) id, a GUID");
        }
        String client = clientId.orElse("");
        Credential credential = switch (kind.get()) {
            case "clientSecret" ->
                new Credential.ClientSecret(client, env(node, at, "secretEnv", "AZURE_CLIENT_SECRET"));
            case "clientCertificate" ->
                new Credential.ClientCertificate(
                        client,
                        env(node, at, "certificateEnv", "AZURE_CLIENT_CERTIFICATE_PATH"),
                        env(node, at, "passwordEnv", ""));
            case "workloadIdentity" ->
                new Credential.WorkloadIdentity(client, env(node, at, "tokenFileEnv", "AZURE_FEDERATED_TOKEN_FILE"));
            case "githubActions" -> new Credential.GitHubActions(client);
            default -> throw new IllegalStateException("a credential kind without a case: " + kind.get());
        };
        return clientId.isPresent() ? Optional.of(credential) : Optional.empty();
    }

    /** The name of an environment variable; never its value, so a value that is not a name is not repeated. */
    private String env(JsonNode node, String at, String key, String otherwise) {
        JsonNode value = node.get(key);
        if (value == null) {
            return otherwise;
        }
        if (!value.isString() || !ENV.matcher(value.asString()).matches()) {
            error(
                    at + "/" + key,
                    false,
                    key + " names the environment variable that holds the secret (letters, digits, _), never the"
                            + " secret itself");
            return otherwise;
        }
        return value.asString();
    }

    private Endpoints endpoints(JsonNode node, String tenantAt, Endpoints cloud) {
        if (node == null) {
            return cloud;
        }
        String at = tenantAt + "/endpoints";
        if (!node.isObject()) {
            error(at, false, "endpoints is a mapping (login, graph, arm, caFile)");
            return cloud;
        }
        file.keys(node, at, ENDPOINTS);
        String login = url(node, at, "login").orElse(cloud.login());
        Optional<Path> ca = string(node, at, "caFile", false).map(folder::resolve);
        return new Endpoints(
                login.endsWith("/") ? login : login + "/",
                trim(url(node, at, "graph").orElse(cloud.graph())),
                trim(url(node, at, "arm").orElse(cloud.arm())),
                ca);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Optional<String> url(JsonNode node, String at, String key) {
        Optional<String> value = string(node, at, key, false);
        if (value.isPresent() && !HTTPS.matcher(value.get()).matches()) {
            error(
                    at + "/" + key,
                    false,
                    key + " is an https URL of a host (and port), like https://graph.microsoft.com");
            return Optional.empty();
        }
        return value;
    }

    private Optional<String> string(JsonNode parent, String at, String key, boolean required) {
        return file.string(parent, at, key, required);
    }

    private void error(String pointer, boolean entry, String message) {
        file.error(pointer, entry, message);
    }
}
