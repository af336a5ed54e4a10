package io.tenantctl.world;

/**
 * One piece of a world that a step can read or change: an object by name, one entry of a reverse
 * index ("who claims this domain"), or the list of all objects. The planner learns which pieces a
 * step read when it could not run, and tries it again only when one of them changes.
 */
public record Key(Space space, String name) {

    /** Where the name is looked up. */
    public enum Space {
        TENANT,
        /** an account by its normalised sign-in name */
        ACCOUNT,
        /** an account by its {@code metadata.name} */
        ACCOUNT_NAME,
        SUBSCRIPTION,
        /** the tenants that claim a domain */
        DOMAIN_OWNERS,
        /** the accounts whose sign-in name is on a domain */
        ACCOUNTS_ON_DOMAIN,
        /** the tenants an account is global administrator of */
        ADMIN_OF,
        /** the subscriptions that name an account in a role */
        SUBSCRIPTIONS_OF_ACCOUNT,
        /** the subscriptions that trust a tenant */
        SUBSCRIPTIONS_OF_TENANT,
        /** the list of every object (its name is empty) */
        EVERYTHING
    }

    @Override
    public String toString() {
        return space + ":" + name;
    }
}
