package io.tenantctl.provider.azure;

import io.tenantctl.model.Names;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.Step;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Elevated access: a global administrator's User Access Administrator assignment at the root scope
 * {@code /} ("Elevate access to manage all Azure subscriptions and management groups").
 * {@code POST /providers/Microsoft.Authorization/elevateAccess} elevates the caller, and only a
 * person can call it (an app gets 403): signed in as the step's account, the provider sends it;
 * signed in as an app or as someone else, the step is that person's to do in the Entra admin
 * center. Removing it deletes the assignment at {@code /}, whoever is signed in.
 */
final class ElevationSteps {

    static final String ELEVATE = "ElevateAccess";

    static final Set<String> OPERATIONS = Set.of(ELEVATE, "RemoveElevatedAccess");

    /** User Access Administrator ("Azure built-in roles for Privileged"): what elevation assigns at {@code /}. */
    static final String USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";

    /** The root scope's assignments, at the api-version of the elevate-access page. */
    static final String ROOT_ASSIGNMENTS = "/providers/Microsoft.Authorization/roleAssignments";

    static final String ROOT_VERSION = "api-version=2015-07-01";

    private final AzureTenants tenants;

    ElevationSteps(AzureTenants tenants) {
        this.tenants = tenants;
    }

    /**
     * The person's action when the provider is not signed in to the tenant as the account to
     * elevate: an app, or another person. Empty when it is, and sends the request itself.
     */
    Optional<ExternalAction> outside(Step step) {
        if (!step.op().wireName().equals(ELEVATE)) {
            return Optional.empty();
        }
        String tenant = step.target().name();
        String account = step.account().orElseThrow();
        String signedIn;
        try {
            Graph graph = tenants.graph(tenant);
            if (graph.connection().credential().person()) {
                JsonNode me = graph.read("/me?$select=id,userPrincipalName,mail", new Graph.Ids())
                        .body();
                String key = Names.key(account);
                if (Names.key(me.path("userPrincipalName").asString("")).equals(key)
                        || Names.key(me.path("mail").asString("")).equals(key)) {
                    return Optional.empty();
                }
                signedIn = "tenantctl is signed in to it as "
                        + me.path("userPrincipalName").asString("another user");
            } else {
                signedIn = "tenantctl is signed in to it as an app ("
                        + graph.connection().credential().kind() + ")";
            }
        } catch (StepFailure f) {
            signedIn = "tenantctl cannot tell who it is signed in as (" + f.code() + ")";
        }
        return Optional.of(new ExternalAction(
                "elevate/" + tenant + "/" + Names.key(account),
                account,
                "sign in to Tenant/" + tenant + " and elevate access (Microsoft Entra admin center: Properties,"
                        + " Access management for Azure resources: Yes); elevation is only ever the signed-in"
                        + " person's, and " + signedIn));
    }

    List<String> perform(Step step) throws StepFailure {
        Graph graph = tenants.graph(step.target().name());
        Graph.Ids ids = new Graph.Ids();
        if (step.op().wireName().equals(ELEVATE)) {
            graph.armPost("/providers/Microsoft.Authorization/elevateAccess?api-version=2016-07-01", ids);
        } else {
            Optional<String> principal = DirectorySteps.findUser(graph, DirectorySteps.account(step), ids);
            if (principal.isPresent()) {
                for (JsonNode a : elevations(graph, principal.get())) {
                    graph.armDelete(a.path("id").asString() + "?" + ROOT_VERSION, ids);
                }
            }
        }
        return ids.list();
    }

    /**
     * Whether a read shows the account elevated (for {@code ElevateAccess}) or not (for its
     * removal). Elevation is not seen while the provider's token may not read the root scope (an
     * app needs Reader at {@code /} for that): the apply waits for it, naming the action.
     */
    boolean observed(Step step) throws StepFailure {
        Graph graph = tenants.graph(step.target().name());
        boolean elevate = step.op().wireName().equals(ELEVATE);
        Optional<String> principal = DirectorySteps.findUser(graph, DirectorySteps.account(step), new Graph.Ids());
        if (principal.isEmpty()) {
            return !elevate;
        }
        List<JsonNode> held;
        try {
            held = elevations(graph, principal.get());
        } catch (StepFailure f) {
            if (elevate) {
                return false;
            }
            throw f;
        }
        return elevate != held.isEmpty();
    }

    /** The principal's User Access Administrator assignments at {@code /}. */
    private static List<JsonNode> elevations(Graph graph, String principal) throws StepFailure {
        return graph
                .armList(ROOT_ASSIGNMENTS + "?" + ROOT_VERSION + "&$filter=principalId%20eq%20"
                        + Graph.literal(principal))
                .stream()
                .filter(a ->
                        a.path("properties").path("principalId").asString("").equals(principal)
                                && rootUserAccessAdministrator(a))
                .toList();
    }

    /** Whether an assignment is User Access Administrator at {@code /}: what elevation makes. */
    static boolean rootUserAccessAdministrator(JsonNode assignment) {
        JsonNode p = assignment.path("properties");
        String role = p.path("roleDefinitionId").asString("");
        return p.path("scope").asString("").equals("/")
                && role.substring(role.lastIndexOf('/') + 1).equalsIgnoreCase(USER_ACCESS_ADMINISTRATOR);
    }
}
