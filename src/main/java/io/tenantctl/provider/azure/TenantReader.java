package io.tenantctl.provider.azure;

import io.tenantctl.connect.TenantConnection;
import io.tenantctl.provider.azure.http.RestClient;
import io.tenantctl.provider.azure.http.RestFailure;
import io.tenantctl.provider.azure.http.RestRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads one connected tenant, part by part, each part a read of its own: a read that fails makes
 * that part unseen (with the service's code and request id) and the others are still read.
 */
final class TenantReader {

    /** Azure's built-in Owner role ("Azure built-in roles for Privileged"). */
    static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    static final String USER_FIELDS = "id,userPrincipalName,mail,displayName,userType,externalUserState,"
            + "externalUserStateChangeDateTime,creationType,identities";

    private final TenantConnection connection;
    private final RestClient client;

    TenantReader(TenantConnection connection, RestClient client) {
        this.connection = connection;
        this.client = client;
    }

    LiveTenant read() {
        String globalAdministrator =
                "$filter=roleDefinitionId%20eq%20" + Graph.literal(DirectorySteps.GLOBAL_ADMINISTRATOR);
        return new LiveTenant(
                connection.name(),
                connection.tenantId(),
                graph(
                        "/organization",
                        items -> items.stream()
                                .findFirst()
                                .map(o -> new LiveTenant.Organization(
                                        o.path("id").asString(),
                                        o.path("displayName").asString()))
                                .orElseThrow(() -> new IllegalStateException("no organization"))),
                graph(
                        "/domains",
                        items -> items.stream()
                                .map(d -> new LiveTenant.Domain(
                                        d.path("id").asString().toLowerCase(Locale.ROOT),
                                        d.path("isInitial").asBoolean(),
                                        d.path("isVerified").asBoolean()))
                                .toList()),
                graph(
                        "/users?$select=" + USER_FIELDS,
                        items -> items.stream().map(TenantReader::user).toList()),
                graph(
                        "/roleManagement/directory/roleAssignments?" + globalAdministrator + "&$expand=principal",
                        TenantReader::globalAdministrators),
                graph("/roleManagement/directory/roleEligibilityScheduleInstances?" + globalAdministrator, List::size),
                graph(
                        "/directory/subscriptions",
                        items -> items.stream()
                                .map(s -> new LiveTenant.Office365Subscription(
                                        s.path("id").asString(),
                                        s.path("skuPartNumber").asString(),
                                        s.path("status").asString()))
                                .toList()),
                arm(
                        "/subscriptions?api-version=2022-12-01",
                        items -> items.stream()
                                .filter(s -> s.path("tenantId").asString("").equalsIgnoreCase(connection.tenantId()))
                                .map(this::subscription)
                                .toList()),
                arm(
                        ElevationSteps.ROOT_ASSIGNMENTS + "?" + ElevationSteps.ROOT_VERSION + "&$filter=atScope()",
                        items -> items.stream()
                                .filter(ElevationSteps::rootUserAccessAdministrator)
                                .map(a ->
                                        a.path("properties").path("principalId").asString())
                                .toList()));
    }

    private static LiveTenant.User user(JsonNode u) {
        return new LiveTenant.User(
                u.path("id").asString(),
                u.path("userPrincipalName").asString(),
                text(u.path("mail")),
                text(u.path("displayName")),
                u.path("userType").asString("Member"),
                text(u.path("externalUserState")));
    }

    /** Direct active assignments at the directory's scope to users are managed; the rest is shown. */
    private static LiveTenant.Assignments globalAdministrators(List<JsonNode> items) {
        List<String> direct = new ArrayList<>();
        List<LiveTenant.Holder> shown = new ArrayList<>();
        for (JsonNode a : items) {
            String type = a.path("principal").path("@odata.type").asString("");
            String principal = a.path("principalId").asString();
            if (!a.path("directoryScopeId").asString("/").equals("/")) {
                shown.add(new LiveTenant.Holder(
                        principal,
                        type,
                        "scoped to " + a.path("directoryScopeId").asString()));
            } else if (type.equals("#microsoft.graph.user")) {
                direct.add(principal);
            } else {
                shown.add(new LiveTenant.Holder(
                        principal,
                        type,
                        type.equals("#microsoft.graph.group")
                                ? "a role-assignable group (its members hold the role through it)"
                                : "not a user (" + (type.isEmpty() ? "type not shown" : type) + ")"));
            }
        }
        return new LiveTenant.Assignments(direct, shown);
    }

    private LiveTenant.AzureSubscription subscription(JsonNode s) {
        String id = s.path("subscriptionId").asString();
        String scope = "/subscriptions/" + id;
        Part<LiveTenant.Assignments> owners = arm(
                scope + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()",
                items -> owners(items, scope));
        return new LiveTenant.AzureSubscription(
                id, s.path("displayName").asString(), s.path("state").asString(), owners);
    }

    /**
     * Owner assignments: those made at the subscription's own scope to users are managed; those
     * inherited from a management group or the root, and those of groups and service principals,
     * are shown. The role is compared by the last segment of its id, which comes with or without
     * the subscription's prefix.
     */
    static LiveTenant.Assignments owners(List<JsonNode> items, String scope) {
        List<String> direct = new ArrayList<>();
        List<LiveTenant.Holder> shown = new ArrayList<>();
        for (JsonNode a : items) {
            JsonNode p = a.path("properties");
            String role = p.path("roleDefinitionId").asString("");
            if (!role.substring(role.lastIndexOf('/') + 1).equalsIgnoreCase(OWNER)) {
                continue;
            }
            String principal = p.path("principalId").asString();
            String type = p.path("principalType").asString("");
            String at = p.path("scope").asString("");
            if (!at.equalsIgnoreCase(scope)) {
                shown.add(new LiveTenant.Holder(principal, type, "inherited from " + (at.isEmpty() ? "?" : at)));
            } else if (type.equals("User")) {
                direct.add(principal);
            } else {
                shown.add(new LiveTenant.Holder(principal, type, "not a user (" + type + ")"));
            }
        }
        return new LiveTenant.Assignments(direct, shown);
    }

    private <T> Part<T> graph(String pathAndQuery, Function<List<JsonNode>, T> map) {
        return part(
                URI.create(connection.endpoints().graph() + "/v1.0" + pathAndQuery),
                connection.endpoints().graphScope(),
                map);
    }

    private <T> Part<T> arm(String pathAndQuery, Function<List<JsonNode>, T> map) {
        return part(
                URI.create(connection.endpoints().arm() + pathAndQuery),
                connection.endpoints().armScope(),
                map);
    }

    private <T> Part<T> part(URI uri, String scope, Function<List<JsonNode>, T> map) {
        try {
            return new Part.Seen<>(map.apply(client.list(RestRequest.get(uri, scope))));
        } catch (RestFailure f) {
            return new Part.Unseen<>(f.getMessage(), f.code(), f.requestId());
        } catch (RuntimeException e) {
            return new Part.Unseen<>(
                    "GET " + uri.getRawPath() + ": an answer tenantctl cannot read (" + e.getMessage() + ")",
                    "unreadable",
                    Optional.empty());
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}
