package io.tenantctl.profile.classic;

import io.tenantctl.step.Role;

/** The administrator roles of the classic world. */
public final class ClassicRoles {

    private ClassicRoles() {}

    public static final Role GLOBAL_ADMINISTRATOR = new Role("global administrator");
    public static final Role SERVICE_ADMINISTRATOR = new Role("service administrator");
    public static final Role CO_ADMINISTRATOR = new Role("co-administrator");
}
