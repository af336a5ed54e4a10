/**
 * The typed, immutable objects of the world: {@link io.tenantctl.model.Tenant},
 * {@link io.tenantctl.model.Account} and {@link io.tenantctl.model.Subscription}, and the codec that
 * turns them into manifests and back.
 *
 * <p>Sign-in names and domains compare case-insensitively (locale-independent), so every reference
 * an object holds is kept in its normalised lower-case form; an account keeps the sign-in name as
 * it was declared for display.
 */
package io.tenantctl.model;
