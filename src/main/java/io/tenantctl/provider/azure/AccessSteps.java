package io.tenantctl.provider.azure;

import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code entra} profile's own steps as requests ({@code docs/azure-api.md}, "Each entra step and
 * its requests"): guests by {@code POST /invitations} and {@code DELETE /users/{id}}, owners by
 * Azure role assignments at the subscription's own scope, a subscription's deletion by cancelling it;
 * and the steps no generally available API performs (redeeming an invitation, a change of
 * directory), which are someone else's to do: their effect is only read.
 */
final class AccessSteps {

    static final Set<String> OPERATIONS =
            Set.of("InviteGuest", "RemoveGuest", "AddOwner", "RemoveOwner", "DeleteSubscription");

    /** The subscriptions a token can read, each with the directory it trusts. */
    static final String SUBSCRIPTIONS = "/subscriptions?api-version=2022-12-01";

    /**
     * Cancelling is what deletes an Azure subscription (it is removed for good some 90 days later);
     * the generally available {@code Microsoft.Subscription} 2021-10-01 answers at once, with 200.
     */
    private static final String CANCEL = "/providers/Microsoft.Subscription/cancel?api-version=2021-10-01";

    /** Steps a person does; the provider reads whether they were done. */
    static final Set<String> OUTSIDE = Set.of("RedeemInvitation", "RequestDirectoryChange", "AcceptDirectoryChange");

    /** The states of a cancelled subscription ("Subscription states" of the Azure docs): disabled, then deleted. */
    private static final Set<String> CANCELLED = Set.of("Disabled", "Deleted");

    private static final String ROLE_ASSIGNMENTS = "/providers/Microsoft.Authorization/roleAssignments";
    private static final String ASSIGNMENTS_VERSION = "api-version=2022-04-01";

    private final AzureTenants tenants;

    AccessSteps(AzureTenants tenants) {
        this.tenants = tenants;
    }

    /** What someone outside tenantctl must do for an outside step. */
    static ExternalAction outside(Step step) {
        return step.external().orElseGet(() -> {
            String subscription = step.target().name();
            String to = step.to().orElse("?");
            boolean request = step.op().wireName().equals("RequestDirectoryChange");
            return new ExternalAction(
                    (request ? "directory-request/" : "directory-accept/") + subscription + "/" + to,
                    request ? "an owner of Subscription/" + subscription : "a global administrator of Tenant/" + to,
                    request
                            ? "request the change of Subscription/" + subscription + " to Tenant/" + to
                                    + " (Azure portal: Subscriptions, Change directory); its API is a preview"
                                    + " tenantctl does not call"
                            : "accept the change of Subscription/" + subscription + " into Tenant/" + to
                                    + " (Azure portal); tenantctl never accepts it on anyone's behalf");
        });
    }

    List<String> perform(PlannedStep planned, WorldView before) throws StepFailure {
        Step step = planned.step();
        Graph.Ids ids = new Graph.Ids();
        if (step.op().wireName().equals("DeleteSubscription")) {
            Owned owned = owned(step, before);
            owned.graph().armPost(owned.scope() + CANCEL, ids);
            return ids.list();
        }
        String account = step.account().orElseThrow();
        switch (step.op().wireName()) {
            case "InviteGuest" -> {
                Graph graph = tenants.graph(step.target().name());
                ObjectNode body = Json.object();
                body.put("invitedUserEmailAddress", signInName(account, before));
                body.put(
                        "inviteRedirectUrl",
                        "https://myapplications.microsoft.com/?tenantid="
                                + graph.connection().tenantId());
                body.put("sendInvitationMessage", true);
                graph.post("/invitations", body, ids);
            }
            case "RemoveGuest" -> {
                Graph graph = tenants.graph(step.target().name());
                Optional<JsonNode> guest = DirectorySteps.byMail(graph, account);
                if (guest.isPresent()) {
                    graph.delete(
                            "/users/" + Graph.segment(guest.get().path("id").asString()), ids);
                }
            }
            case "AddOwner" -> {
                Owned owned = owned(step, before);
                String principal = DirectorySteps.userId(owned.graph(), account, ids);
                ObjectNode body = Json.object();
                ObjectNode properties = body.putObject("properties");
                properties.put(
                        "roleDefinitionId",
                        owned.scope() + "/providers/Microsoft.Authorization/roleDefinitions/" + TenantReader.OWNER);
                properties.put("principalId", principal);
                properties.put("principalType", "User");
                // A name made from subscription, principal and role: a PUT sent again after a crash
                // addresses the same assignment instead of making a second one.
                String name = UUID.nameUUIDFromBytes((owned.scope() + "|" + principal + "|" + TenantReader.OWNER)
                                .getBytes(StandardCharsets.UTF_8))
                        .toString();
                owned.graph()
                        .armPut(owned.scope() + ROLE_ASSIGNMENTS + "/" + name + "?" + ASSIGNMENTS_VERSION, body, ids);
            }
            case "RemoveOwner" -> {
                Owned owned = owned(step, before);
                Optional<String> principal = DirectorySteps.findUser(owned.graph(), account, ids);
                if (principal.isPresent()) {
                    for (JsonNode a : ownerAssignments(owned, principal.get())) {
                        owned.graph().armDelete(a.path("id").asString() + "?" + ASSIGNMENTS_VERSION, ids);
                    }
                }
            }
            default ->
                throw new StepFailure(
                        "no request performs " + step.op().wireName(), "unsupported", Optional.empty(), List.of());
        }
        return ids.list();
    }

    boolean observed(PlannedStep planned, WorldView before) throws StepFailure {
        Step step = planned.step();
        Graph.Ids ids = new Graph.Ids();
        return switch (step.op().wireName()) {
            case "InviteGuest" ->
                DirectorySteps.byMail(tenants.graph(step.target().name()), account(step))
                        .isPresent();
            case "RemoveGuest" ->
                DirectorySteps.byMail(tenants.graph(step.target().name()), account(step))
                        .isEmpty();
            case "RedeemInvitation" ->
                DirectorySteps.byMail(tenants.graph(step.target().name()), account(step))
                        .filter(u -> u.path("externalUserState").asString("").equals("Accepted"))
                        .isPresent();
            case "AddOwner", "RemoveOwner" -> {
                Owned owned = owned(step, before);
                Optional<String> principal = DirectorySteps.findUser(owned.graph(), account(step), ids);
                boolean holds = principal.isPresent()
                        && !ownerAssignments(owned, principal.get()).isEmpty();
                yield step.op().wireName().equals("AddOwner") == holds;
            }
            case "DeleteSubscription" -> {
                // Cancelled, the subscription is still listed, disabled, until it is deleted for good.
                Subscription s = subscription(step, before);
                yield tenants.graph(s.tenant()).armList(SUBSCRIPTIONS).stream()
                        .filter(live -> matches(live, s))
                        .allMatch(live -> CANCELLED.contains(live.path("state").asString("")));
            }
            case "RequestDirectoryChange", "AcceptDirectoryChange" -> {
                // Done when the subscription trusts the target: what the target's token can read of it.
                String to = step.to().orElseThrow();
                Graph target = tenants.graph(to);
                Subscription s = subscription(step, before);
                yield target.armList(SUBSCRIPTIONS).stream()
                        .anyMatch(live -> matches(live, s)
                                && live.path("tenantId")
                                        .asString("")
                                        .equalsIgnoreCase(target.connection().tenantId()));
            }
            default ->
                throw new StepFailure(
                        "no read observes " + step.op().wireName(), "unsupported", Optional.empty(), List.of());
        };
    }

    /** A subscription's Graph (its tenant's connection) and its scope. */
    private record Owned(Graph graph, String scope) {}

    private Owned owned(Step step, WorldView before) throws StepFailure {
        Subscription s = subscription(step, before);
        Graph graph = tenants.graph(s.tenant());
        String id = graph.armList(SUBSCRIPTIONS).stream()
                .filter(live -> matches(live, s))
                .map(live -> live.path("subscriptionId").asString())
                .findFirst()
                .orElseThrow(() -> new StepFailure(
                        "Subscription/" + s.metadata().name() + " is not among the subscriptions Tenant/" + s.tenant()
                                + " can read (by its " + Naming.SUBSCRIPTION_ID + " annotation, else its display"
                                + " name)",
                        "subscription-not-found",
                        Optional.empty(),
                        List.of()));
        return new Owned(graph, "/subscriptions/" + id);
    }

    /** Whether a live subscription is the manifest's: by the id annotation, else by display name. */
    static boolean matches(JsonNode live, Subscription s) {
        String annotated = s.metadata().annotations().getOrDefault(Naming.SUBSCRIPTION_ID, "");
        return annotated.isEmpty()
                ? s.displayName()
                        .map(live.path("displayName").asString("")::equals)
                        .orElse(false)
                : annotated.equalsIgnoreCase(live.path("subscriptionId").asString(""));
    }

    private static List<JsonNode> ownerAssignments(Owned owned, String principal) throws StepFailure {
        return owned
                .graph()
                .armList(owned.scope() + ROLE_ASSIGNMENTS + "?" + ASSIGNMENTS_VERSION + "&$filter=atScope()")
                .stream()
                .filter(a -> {
                    JsonNode p = a.path("properties");
                    String role = p.path("roleDefinitionId").asString("");
                    return p.path("principalId").asString("").equals(principal)
                            && p.path("scope").asString("").equalsIgnoreCase(owned.scope())
                            && role.substring(role.lastIndexOf('/') + 1).equalsIgnoreCase(TenantReader.OWNER);
                })
                .toList();
    }

    private static Subscription subscription(Step step, WorldView before) throws StepFailure {
        return before.subscription(step.target().name()).orElseThrow(() -> DirectorySteps.unknown(step));
    }

    private static String account(Step step) {
        return DirectorySteps.account(step);
    }

    /** The account's sign-in name as declared (the address an invitation goes to). */
    private static String signInName(String key, WorldView before) {
        return before.account(key).map(Account::signInName).orElse(key);
    }
}
