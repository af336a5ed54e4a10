package io.tenantctl.connect;

/**
 * One connected tenant.
 *
 * @param name     the tenant's {@code metadata.name} in the manifests
 * @param tenantId the directory (tenant) id, a GUID; plans record it
 */
public record TenantConnection(String name, String tenantId, Credential credential, Endpoints endpoints) {}
