/**
 * Connections to live tenants, kept outside manifests: the connections file ({@code --connections
 * FILE}: tenant name to tenant id, credential kind, endpoints, parallelism), read as safely as
 * manifests are ({@link ConnectionsReader}), and the tokens a connection gives
 * ({@link TokenSource}), through {@code com.azure:azure-identity} built lazily, only when a command
 * first reaches a tenant ({@link IdentityTokens}), so that no other command loads a single
 * {@code com.azure} class.
 *
 * <p>Nothing secret is in the file or in these values: a credential names the environment variables
 * that hold its secret, certificate or federated token, and is read only when the token is asked for.
 */
package io.tenantctl.connect;
