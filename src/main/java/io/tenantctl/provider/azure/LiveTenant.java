package io.tenantctl.provider.azure;

import java.util.List;
import java.util.Optional;

/**
 * One connected tenant as Microsoft Graph and Azure Resource Manager show it, part by part
 * ({@code docs/azure-api.md}): what the provider maps into the world a plan is made against.
 * Whatever tenantctl does not manage (global administrators eligible through Privileged Identity
 * Management or holding the role through a group, owners inherited from above the subscription or
 * that are groups or service principals) is read too, to be shown and counted, never deleted.
 * {@code elevated} holds the principals holding User Access Administrator at the root scope
 * {@code /}, which is what elevated access is; a token that may not read {@code /} leaves it unseen.
 */
public record LiveTenant(
        String name,
        String tenantId,
        Part<Organization> organization,
        Part<List<Domain>> domains,
        Part<List<User>> users,
        Part<Assignments> globalAdministrators,
        Part<Integer> eligibleGlobalAdministrators,
        Part<List<Office365Subscription>> office365,
        Part<List<AzureSubscription>> subscriptions,
        Part<List<String>> elevated) {

    /** {@code GET /organization}: the directory's id and display name. */
    public record Organization(String id, String displayName) {}

    /** {@code GET /domains}: a domain, initial or custom, verified or not. */
    public record Domain(String name, boolean initial, boolean verified) {}

    /**
     * {@code GET /users}: a member or a guest; a guest has its invitation's state
     * ({@code PendingAcceptance} or {@code Accepted}).
     */
    public record User(
            String id,
            String userPrincipalName,
            Optional<String> mail,
            Optional<String> displayName,
            String userType,
            Optional<String> externalUserState) {

        public boolean guest() {
            return "Guest".equals(userType);
        }
    }

    /**
     * Who holds a role: the users that hold it directly at the object's own scope (managed), and
     * every other holder (groups, service principals, assignments inherited from above), shown.
     */
    public record Assignments(List<String> directUsers, List<Holder> shown) {

        public Assignments {
            directUsers = List.copyOf(directUsers);
            shown = List.copyOf(shown);
        }
    }

    /**
     * A holder tenantctl shows and never changes.
     *
     * @param why why it is not managed: {@code a group}, {@code a service principal},
     *            {@code inherited from /providers/Microsoft.Management/managementGroups/x}, ...
     */
    public record Holder(String principalId, String type, String why) {}

    /** {@code GET /directory/subscriptions}: an Office 365 subscription, read only. */
    public record Office365Subscription(String id, String skuPartNumber, String status) {}

    /** {@code GET /subscriptions} of Resource Manager: an Azure subscription that trusts this tenant, with its owners. */
    public record AzureSubscription(String id, String displayName, String state, Part<Assignments> owners) {}
}
