package io.tenantctl.provider.azure;

import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.provider.azure.http.RestResponse;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.Step;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The steps no API a tenantctl credential can call performs, so a person does them and the
 * provider reads whether they were done: a tenant is created and deleted by a person in the
 * Microsoft Entra admin center; its name is changed there too ({@code PATCH /organization/{id}}
 * updates only notification mails and the privacy profile, and takes no application permission:
 * "Update organization"); an Azure subscription is created in the portal or by a billing account's
 * owner.
 */
final class PersonSteps {

    static final Set<String> OPERATIONS = Set.of("CreateTenant", "DeleteTenant", "UpdateTenant", "CreateSubscription");

    private final AzureTenants tenants;

    PersonSteps(AzureTenants tenants) {
        this.tenants = tenants;
    }

    /** Who must do what. */
    static ExternalAction action(Step step) {
        String name = step.target().name();
        return switch (step.op().wireName()) {
            case "CreateTenant" -> {
                Tenant t = (Tenant) step.object().orElseThrow();
                yield new ExternalAction(
                        "tenant-create/" + name,
                        step.account().orElse("a person who will be its first global administrator"),
                        "create the tenant \"" + t.displayName() + "\" with the initial domain " + t.initialDomain()
                                + " (Microsoft Entra admin center: Manage tenants, Create), then add it as " + name
                                + " with its tenant id to the connections file");
            }
            case "DeleteTenant" ->
                new ExternalAction(
                        "tenant-delete/" + name,
                        "the last global administrator of Tenant/" + name,
                        "delete Tenant/" + name + " (Microsoft Entra admin center: Manage tenants, Delete; a"
                                + " subscription that still trusts it, even a cancelled one, must be gone first)");
            case "UpdateTenant" ->
                new ExternalAction(
                        "tenant-name/" + name,
                        "a global administrator of Tenant/" + name,
                        "rename Tenant/" + name + " to \""
                                + ((Tenant) step.object().orElseThrow()).displayName()
                                + "\" (Microsoft Entra admin center: Properties, Name); Graph's PATCH /organization"
                                + " does not change a tenant's name");
            case "CreateSubscription" -> {
                Subscription s = (Subscription) step.object().orElseThrow();
                yield new ExternalAction(
                        "subscription-create/" + name,
                        s.owners().isEmpty() ? "the owner of a billing account" : String.join(" or ", s.owners()),
                        "create the Azure subscription \"" + s.displayName().orElse(name) + "\" in Tenant/"
                                + s.tenant() + " (Azure portal: Subscriptions, Add; or a billing account's owner)"
                                + " and give Subscription/" + name + " its id in the annotation "
                                + Naming.SUBSCRIPTION_ID);
            }
            default -> throw new IllegalArgumentException(step.op().wireName() + " is not a person's step");
        };
    }

    /** Whether a read shows the person did it. */
    boolean observed(Step step) throws StepFailure {
        String name = step.target().name();
        return switch (step.op().wireName()) {
            case "CreateTenant" -> organization(name).isPresent();
            case "DeleteTenant" -> organization(name).isEmpty();
            case "UpdateTenant" ->
                organization(name)
                        .map(o -> o.path("value").path(0).path("displayName").asString(""))
                        .filter(((Tenant) step.object().orElseThrow()).displayName()::equals)
                        .isPresent();
            case "CreateSubscription" -> {
                Subscription s = (Subscription) step.object().orElseThrow();
                Graph graph = tenants.graph(s.tenant());
                yield graph.armList(AccessSteps.SUBSCRIPTIONS).stream()
                        .anyMatch(live -> AccessSteps.matches(live, s)
                                && live.path("tenantId")
                                        .asString("")
                                        .equalsIgnoreCase(graph.connection().tenantId()));
            }
            default -> throw new IllegalArgumentException(step.op().wireName() + " is not a person's step");
        };
    }

    /**
     * {@code GET /organization} as the tenant's connection reads it; empty while no connection
     * reaches the tenant or no token for it can be had: a tenant not made yet, or deleted, signs
     * nobody in (and a person drops a deleted tenant's connection). Any other failure is the step's.
     */
    private Optional<JsonNode> organization(String tenant) throws StepFailure {
        Graph graph;
        try {
            graph = tenants.graph(tenant);
        } catch (StepFailure f) {
            if (f.code().equals(AzureTenants.NO_CONNECTION)) {
                return Optional.empty();
            }
            throw f;
        }
        try {
            RestResponse read = graph.read("/organization", new Graph.Ids());
            return read.status() == 200 ? Optional.of(read.body()) : Optional.empty();
        } catch (StepFailure f) {
            if (f.code().equals("token")) {
                return Optional.empty();
            }
            throw f;
        }
    }
}
