package io.tenantctl.provider;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One live tenant on a {@link FixtureServer}: what the provider's reads answer, each response a
 * documented example (its fixture names the page) with the values of its items changed and items
 * repeated, never a field added: the organization, the domains, the users, the Global Administrator
 * assignments, no PIM eligibility, the Office 365 subscriptions, the Azure subscriptions that
 * trust it with their Owner assignments at their own scope, and who holds elevated access (each
 * domain is also answered on its own, {@code GET /domains/{name}}).
 */
public final class LiveDirectory {

    /** Azure's built-in Owner role ("Azure built-in roles for Privileged"). */
    public static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    private final String tenantId;
    private final String displayName;
    private final List<String[]> domains = new ArrayList<>();
    private final List<String[]> users = new ArrayList<>();
    private final List<String> globalAdministrators = new ArrayList<>();
    private final List<String[]> office365 = new ArrayList<>();
    private final List<String[]> azure = new ArrayList<>();
    private final List<List<String>> owners = new ArrayList<>();
    private final List<String> elevated = new ArrayList<>();

    public LiveDirectory(String tenantId, String displayName) {
        this.tenantId = tenantId;
        this.displayName = displayName;
    }

    /** A domain: the initial one, or a custom one verified or not. */
    public LiveDirectory domain(String name, boolean initial, boolean verified) {
        domains.add(new String[] {name, String.valueOf(initial), String.valueOf(verified)});
        return this;
    }

    /** A member: its object id, sign-in name and display name. */
    public LiveDirectory member(String id, String userPrincipalName, String name) {
        users.add(new String[] {id, userPrincipalName, userPrincipalName, name, "Member", null});
        return this;
    }

    /**
     * A guest: its object id, the sign-in name Entra made for it, its mail, display name and the
     * invitation's state ({@code PendingAcceptance}, {@code Accepted}, or null when it was not
     * invited: the tenant's creator).
     */
    public LiveDirectory guest(String id, String userPrincipalName, String mail, String name, String state) {
        users.add(new String[] {id, userPrincipalName, mail, name, "Guest", state});
        return this;
    }

    /** A direct active Global Administrator assignment at the directory's scope to a user. */
    public LiveDirectory globalAdministrator(String userId) {
        globalAdministrators.add(userId);
        return this;
    }

    /** A user holding User Access Administrator at the root scope: elevated access. */
    public LiveDirectory elevated(String userId) {
        elevated.add(userId);
        return this;
    }

    /** A cancelled subscription: listed, {@code state} {@code Disabled}, its role assignments kept until it is deleted. */
    public LiveDirectory cancelled(String id, String name, String... ownerIds) {
        azure.add(new String[] {id, name, "Disabled"});
        owners.add(List.of(ownerIds));
        return this;
    }

    public LiveDirectory office365(String id, String skuPartNumber) {
        office365.add(new String[] {id, skuPartNumber});
        return this;
    }

    /** An Azure subscription that trusts this tenant, with the users holding Owner at its own scope. */
    public LiveDirectory azure(String id, String name, String... ownerIds) {
        azure.add(new String[] {id, name, "Enabled"});
        owners.add(List.of(ownerIds));
        return this;
    }

    public String tenantId() {
        return tenantId;
    }

    /** Queues the reads' answers (and the token endpoint's) on the server. */
    public LiveDirectory serve(FixtureServer server) {
        server.tokens(tenantId)
                .instead("GET", "/v1.0/organization", organization())
                .instead("GET", "/v1.0/domains", domains())
                .instead(
                        "GET", "/v1.0/users", list("graph/users-list-select-provider.json", users, LiveDirectory::user))
                .instead(
                        "GET",
                        "/v1.0/roleManagement/directory/roleAssignments",
                        list(
                                "graph/role-assignments-list-global-admin.json",
                                globalAdministrators.stream()
                                        .map(id -> new String[] {id})
                                        .toList(),
                                (item, a) -> {
                                    item.put("id", "assignment-" + a[0]).put("principalId", a[0]);
                                    ((ObjectNode) item.path("principal")).put("id", a[0]);
                                }))
                .instead(
                        "GET",
                        "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances",
                        list("graph/role-eligibility-schedule-instances-list.json", List.of(), (item, x) -> {}))
                .instead(
                        "GET",
                        "/v1.0/directory/subscriptions",
                        list(
                                "graph/directory-subscriptions-list.json",
                                office365,
                                (item, s) -> item.put("id", s[0]).put("skuPartNumber", s[1])))
                .instead(
                        "GET",
                        "/subscriptions",
                        list(
                                        "arm/subscriptions-list.json",
                                        azure,
                                        (item, s) -> item.put("id", "/subscriptions/" + s[0])
                                                .put("subscriptionId", s[0])
                                                .put("tenantId", tenantId)
                                                .put("displayName", s[1])
                                                .put("state", s[2]))
                                .withBody(b -> ((ObjectNode) b).putNull("nextLink")))
                .instead(
                        "GET",
                        "/providers/Microsoft.Authorization/roleAssignments",
                        list(
                                "arm/role-assignments-list-root-scope.json",
                                elevated.stream().map(id -> new String[] {id}).toList(),
                                (item, e) -> {
                                    item.put(
                                                    "id",
                                                    "/providers/Microsoft.Authorization/roleAssignments/elevated-"
                                                            + e[0])
                                            .put("name", "elevated-" + e[0]);
                                    ((ObjectNode) item.path("properties")).put("principalId", e[0]);
                                }));
        for (String[] d : domains) {
            server.instead("GET", "/v1.0/domains/" + d[0], domain(d));
        }
        for (int i = 0; i < azure.size(); i++) {
            String id = azure.get(i)[0];
            String scope = "/subscriptions/" + id;
            server.instead(
                    "GET",
                    scope + "/providers/Microsoft.Authorization/roleAssignments",
                    list(
                            "arm/role-assignments-list-for-subscription.json",
                            owners.get(i).stream().map(o -> new String[] {o}).toList(),
                            (item, o) -> {
                                item.put(
                                                "id",
                                                scope + "/providers/Microsoft.Authorization/roleAssignments/owner-"
                                                        + o[0])
                                        .put("name", "owner-" + o[0]);
                                ((ObjectNode) item.path("properties"))
                                        .put(
                                                "roleDefinitionId",
                                                scope + "/providers/Microsoft.Authorization/roleDefinitions/" + OWNER)
                                        .put("principalId", o[0])
                                        .put("principalType", "User")
                                        .put("scope", scope);
                            }));
        }
        return this;
    }

    /** The list page's example omits isVerified: its items are the Get domain page's domain, which shows it. */
    private Fixture domains() {
        JsonNode template = Fixture.of("graph/domains-get.json").body();
        return Fixture.of("graph/domains-list.json").withBody(b -> {
            ArrayNode value = (ArrayNode) b.path("value");
            value.removeAll();
            for (String[] d : domains) {
                ObjectNode domain = values((ObjectNode) template.deepCopy(), d);
                domain.remove("@odata.context");
                value.add(domain);
            }
        });
    }

    /** {@code GET /domains/{name}}: the Get domain page's example with this domain's values. */
    private static Fixture domain(String[] d) {
        return Fixture.of("graph/domains-get.json").withBody(b -> values((ObjectNode) b, d));
    }

    private static ObjectNode values(ObjectNode domain, String[] d) {
        return domain.put("id", d[0])
                .put("isInitial", Boolean.parseBoolean(d[1]))
                .put("isDefault", Boolean.parseBoolean(d[1]))
                .put("isVerified", Boolean.parseBoolean(d[2]));
    }

    private Fixture organization() {
        return Fixture.of("graph/organization-list.json")
                .withBody(b -> ((ObjectNode) b.path("value").get(0))
                        .put("id", tenantId)
                        .put("displayName", displayName));
    }

    private static void user(ObjectNode item, String[] u) {
        item.put("id", u[0])
                .put("userPrincipalName", u[1])
                .put("displayName", u[3])
                .put("userType", u[4]);
        if (u[2] == null) {
            item.putNull("mail");
        } else {
            item.put("mail", u[2]);
        }
        if (u[5] == null) {
            item.putNull("externalUserState").putNull("externalUserStateChangeDateTime");
        } else {
            item.put("externalUserState", u[5]);
        }
        if (u[4].equals("Guest") && u[5] != null) {
            item.put("creationType", "Invitation");
        } else {
            item.putNull("creationType");
        }
    }

    /** Edits one item of a documented list. */
    @FunctionalInterface
    private interface Edit {
        void apply(ObjectNode item, String[] values);
    }

    /** A documented list response whose items are its first item, once per entry, with the entry's values. */
    private static Fixture list(String file, List<String[]> entries, Edit edit) {
        return Fixture.of(file).withBody(b -> {
            ArrayNode value = (ArrayNode) b.path("value");
            JsonNode template = value.get(0).deepCopy();
            value.removeAll();
            for (String[] entry : entries) {
                ObjectNode item = (ObjectNode) template.deepCopy();
                edit.apply(item, entry);
                value.add(item);
            }
        });
    }
}
