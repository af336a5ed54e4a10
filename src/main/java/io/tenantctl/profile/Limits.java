package io.tenantctl.profile;

/**
 * The sizes an era of the world allows, for what makes worlds rather than checks them (the world
 * generator and mutator stay inside them, so that what they make is valid under the profile).
 *
 * @param coAdministratorsPerSubscription at most this many co-administrators on one subscription
 * @param directoriesPerAccount           an account is global administrator of at most this many tenants
 */
public record Limits(int coAdministratorsPerSubscription, int directoriesPerAccount) {}
