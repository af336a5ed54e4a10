/**
 * The provider port: where the live world comes from and where a plan's steps take effect.
 * {@link Provider#observe} gives the world a plan is made against, with what could not be seen;
 * {@link RecordProvider} (the default) keeps today's behaviour: the state store is the world, and
 * an apply changes only the store. The {@code azure} provider ({@code provider.azure}) observes real
 * tenants through Microsoft Graph and Azure Resource Manager and performs steps through them.
 */
package io.tenantctl.provider;
