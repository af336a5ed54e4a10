package io.tenantctl.profile.entra;

import io.tenantctl.step.Role;

/** The roles of the entra world besides the global administrator (shared with classic). */
public final class EntraRoles {

    private EntraRoles() {}

    /** The Azure {@code Owner} role assigned at subscription scope. */
    public static final Role OWNER = new Role("owner");

    /** User Access Administrator at root scope, which a global administrator gets by elevating. */
    public static final Role ELEVATED_ACCESS = new Role("elevated access");

    /** A user object in a tenant the account is not homed in. */
    public static final Role GUEST = new Role("guest");
}
