/**
 * The {@code azure} provider: tenants through Microsoft Graph v1.0 and subscriptions through Azure
 * Resource Manager ({@code docs/azure-api.md} has the request behind each step and the page each
 * comes from). {@link AzureTenants} holds one HTTP client per connected tenant, made on first use;
 * {@link Graph} is one tenant's Graph; {@link DirectorySteps}, {@link AccessSteps} and
 * {@link ElevationSteps} map steps to their requests and to the read that shows each took effect;
 * {@link DomainVerification} and {@link PersonSteps} are the steps a person does, which the
 * provider reads (and, for a domain, asks Graph to check); {@link AzurePerformer} is the performer
 * the live applier calls.
 */
package io.tenantctl.provider.azure;
