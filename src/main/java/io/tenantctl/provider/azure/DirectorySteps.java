package io.tenantctl.provider.azure;

import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.Names;
import io.tenantctl.model.Tenant;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.provider.azure.http.RestResponse;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directory's steps as Microsoft Graph requests, and the read that shows each took effect
 * ({@code docs/azure-api.md}, "Each entra step and its requests"). Accounts are found by sign-in
 * name ({@code userPrincipalName}), and a guest by its mail.
 */
final class DirectorySteps {

    /** The Global Administrator role's template id ("Microsoft Entra built-in roles"). */
    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

    static final Set<String> OPERATIONS = Set.of(
            "AddGlobalAdmin",
            "RemoveGlobalAdmin",
            "AddDomain",
            "RemoveDomain",
            "CreateAccount",
            "UpdateAccount",
            "DeleteAccount");

    private static final String ASSIGNMENTS = "/roleManagement/directory/roleAssignments";
    private static final String PASSWORD_CHARACTERS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-.:=?@_";

    private final AzureTenants tenants;
    private final SecureRandom random = new SecureRandom();

    DirectorySteps(AzureTenants tenants) {
        this.tenants = tenants;
    }

    List<String> perform(PlannedStep planned, WorldView before) throws StepFailure {
        Step step = planned.step();
        Graph.Ids ids = new Graph.Ids();
        switch (step.op().wireName()) {
            case "AddGlobalAdmin" -> {
                Graph graph = tenants.graph(step.target().name());
                ObjectNode body = Json.object();
                body.put("@odata.type", "#microsoft.graph.unifiedRoleAssignment");
                body.put("roleDefinitionId", GLOBAL_ADMINISTRATOR);
                body.put("principalId", userId(graph, account(step), ids));
                body.put("directoryScopeId", "/");
                graph.post(ASSIGNMENTS, body, ids);
            }
            case "RemoveGlobalAdmin" -> {
                Graph graph = tenants.graph(step.target().name());
                Optional<String> user = findUser(graph, account(step), ids);
                if (user.isPresent()) {
                    for (String assignment : globalAdministratorAssignments(graph, user.get())) {
                        graph.delete(ASSIGNMENTS + "/" + Graph.segment(assignment), ids);
                    }
                }
            }
            case "AddDomain" -> {
                ObjectNode body = Json.object();
                body.put("id", domain(step));
                tenants.graph(step.target().name()).post("/domains", body, ids);
            }
            case "RemoveDomain" ->
                tenants.graph(step.target().name()).delete("/domains/" + Graph.segment(domain(step)), ids);
            case "CreateAccount" -> {
                Account account = (Account) step.object().orElseThrow();
                if (account.isWorkOrSchool()) {
                    home(account, before).post("/users", newUser(account), ids);
                }
            }
            case "UpdateAccount" -> {
                Account account = (Account) step.object().orElseThrow();
                ObjectNode body = Json.object();
                body.put("displayName", displayName(account));
                home(account, before).patch("/users/" + Graph.segment(account.signInName()), body, ids);
            }
            case "DeleteAccount" -> {
                Account account = existing(step, before);
                if (account.isWorkOrSchool()) {
                    home(account, before).delete("/users/" + Graph.segment(account.signInName()), ids);
                }
            }
            default -> throw unsupported(step);
        }
        return ids.list();
    }

    /** Whether one read shows the step's effect now. */
    boolean observed(PlannedStep planned, WorldView before) throws StepFailure {
        Step step = planned.step();
        Graph.Ids ids = new Graph.Ids();
        return switch (step.op().wireName()) {
            case "AddGlobalAdmin", "RemoveGlobalAdmin" -> {
                Graph graph = tenants.graph(step.target().name());
                Optional<String> user = findUser(graph, account(step), ids);
                boolean holds = user.isPresent()
                        && !globalAdministratorAssignments(graph, user.get()).isEmpty();
                yield step.op().wireName().equals("AddGlobalAdmin") == holds;
            }
            case "AddDomain" -> exists(tenants.graph(step.target().name()), "/domains/" + Graph.segment(domain(step)));
            case "RemoveDomain" ->
                !exists(tenants.graph(step.target().name()), "/domains/" + Graph.segment(domain(step)));
            case "CreateAccount" -> {
                Account account = (Account) step.object().orElseThrow();
                yield !account.isWorkOrSchool() || exists(home(account, before), userPath(account, "id"));
            }
            case "UpdateAccount" -> {
                Account account = (Account) step.object().orElseThrow();
                RestResponse read = home(account, before).read(userPath(account, "id,displayName"), ids);
                yield read.status() == 200
                        && read.body().path("displayName").asString("").equals(displayName(account));
            }
            case "DeleteAccount" -> {
                Account account = existing(step, before);
                yield !account.isWorkOrSchool() || !exists(home(account, before), userPath(account, "id"));
            }
            default -> throw unsupported(step);
        };
    }

    private static String userPath(Account account, String select) {
        return "/users/" + Graph.segment(account.signInName()) + "?$select=" + select;
    }

    private static boolean exists(Graph graph, String pathAndQuery) throws StepFailure {
        return graph.read(pathAndQuery, new Graph.Ids()).status() == 200;
    }

    /** The ids of the Global Administrator assignments held directly, at the directory's scope, by a user. */
    private static List<String> globalAdministratorAssignments(Graph graph, String userId) throws StepFailure {
        return graph
                .list(ASSIGNMENTS + "?$filter=roleDefinitionId%20eq%20" + Graph.literal(GLOBAL_ADMINISTRATOR)
                        + "&$expand=principal")
                .stream()
                .filter(a -> a.path("principalId").asString("").equals(userId)
                        && a.path("directoryScopeId").asString("").equals("/"))
                .map(a -> a.path("id").asString())
                .toList();
    }

    /** A user's object id: by sign-in name, or else (a guest) by mail. */
    static String userId(Graph graph, String signInName, Graph.Ids ids) throws StepFailure {
        return findUser(graph, signInName, ids)
                .orElseThrow(() -> new StepFailure(
                        "Tenant/" + graph.tenant() + " has no user " + signInName
                                + " (no userPrincipalName or mail is that)",
                        "user-not-found",
                        Optional.empty(),
                        ids.list()));
    }

    static Optional<String> findUser(Graph graph, String signInName, Graph.Ids ids) throws StepFailure {
        RestResponse byName = graph.read("/users/" + Graph.segment(signInName) + "?$select=id", ids);
        if (byName.status() == 200) {
            return Optional.of(byName.body().path("id").asString());
        }
        return byMail(graph, signInName).map(u -> u.path("id").asString());
    }

    /**
     * The user whose mail this is (a guest): the filter asks Graph for it, and the answer is checked
     * too, so that only that user is ever taken.
     */
    static Optional<JsonNode> byMail(Graph graph, String mail) throws StepFailure {
        return graph
                .list("/users?$filter=mail%20eq%20" + Graph.literal(mail)
                        + "&$select=id,mail,userType,externalUserState")
                .stream()
                .filter(u -> u.path("mail").asString("").equalsIgnoreCase(mail))
                .findFirst();
    }

    private ObjectNode newUser(Account account) {
        ObjectNode body = Json.object();
        body.put("accountEnabled", true);
        body.put("displayName", displayName(account));
        body.put("mailNickname", mailNickname(account.signInName()));
        body.put("userPrincipalName", account.signInName());
        ObjectNode password = body.putObject("passwordProfile");
        password.put("forceChangePasswordNextSignIn", true);
        // A password nobody knows, sent once and kept nowhere: an administrator sets the first one
        // the person uses (or self-service password reset does), as for any user made in bulk.
        password.put("password", password());
        return body;
    }

    private String password() {
        StringBuilder out = new StringBuilder("Aa1!");
        for (int i = 0; i < 28; i++) {
            out.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return out.toString();
    }

    /** The part of a sign-in name before {@code @}, in the characters a mail nickname allows. */
    static String mailNickname(String signInName) {
        String local = signInName.substring(0, Math.max(0, signInName.indexOf('@')));
        String clean = local.replaceAll("[^A-Za-z0-9._-]", "");
        return clean.isEmpty() ? "user" : clean.substring(0, Math.min(64, clean.length()));
    }

    private static String displayName(Account account) {
        return account.displayName().orElse(account.signInName());
    }

    /** The Graph of an account's home tenant: the tenant whose domain its sign-in name is on. */
    private Graph home(Account account, WorldView before) throws StepFailure {
        Tenant home = before.homeTenant(account)
                .orElseThrow(() -> new StepFailure(
                        "Account/" + account.name() + " (" + account.signInName()
                                + ") has no home tenant: no tenant holds the domain " + account.domain(),
                        "no-home-tenant",
                        Optional.empty(),
                        List.of()));
        return tenants.graph(home.name());
    }

    private static Account existing(Step step, WorldView before) throws StepFailure {
        return before.accountNamed(step.target().name()).orElseThrow(() -> unknown(step));
    }

    /** A step whose object the world before it does not hold. */
    static StepFailure unknown(Step step) {
        return new StepFailure(
                step.target() + " is not in the world the plan was made against",
                "unknown-object",
                Optional.empty(),
                List.of());
    }

    static String account(Step step) {
        return step.account().orElseThrow();
    }

    private static String domain(Step step) {
        return Names.key(step.domain().orElseThrow());
    }

    private static StepFailure unsupported(Step step) {
        return new StepFailure(
                "no request performs " + step.op().wireName(), "unsupported", Optional.empty(), List.of());
    }
}
