package io.tenantctl.connect;

/**
 * How tenantctl signs in to a tenant. Each kind names the environment variables that hold what is
 * secret; the connections file never holds a secret.
 */
public sealed interface Credential {

    /** The kind as the connections file spells it. */
    String kind();

    /** Whether it signs in as a person (only a person can elevate access; an app gets 403). */
    default boolean person() {
        return false;
    }

    /** A person signed in with {@code az login}; the Azure CLI gives the tokens. */
    record AzureCli() implements Credential {
        @Override
        public String kind() {
            return "azureCli";
        }

        @Override
        public boolean person() {
            return true;
        }
    }

    /** An app registration with a client secret, read from {@code secretEnv}. */
    record ClientSecret(String clientId, String secretEnv) implements Credential {
        @Override
        public String kind() {
            return "clientSecret";
        }
    }

    /**
     * An app registration with a certificate: {@code certificateEnv} holds the path of a PEM or PFX
     * file, {@code passwordEnv} (optional, may be empty) the PFX's password.
     */
    record ClientCertificate(String clientId, String certificateEnv, String passwordEnv) implements Credential {
        @Override
        public String kind() {
            return "clientCertificate";
        }
    }

    /**
     * Workload identity federation from a token file ({@code tokenFileEnv} holds its path), as
     * Kubernetes and many CI systems provide it.
     */
    record WorkloadIdentity(String clientId, String tokenFileEnv) implements Credential {
        @Override
        public String kind() {
            return "workloadIdentity";
        }
    }

    /**
     * Workload identity federation in GitHub Actions: the job's OIDC token (the workflow needs
     * {@code permissions: id-token: write}) is fetched from the runner for each sign-in, so the
     * pipeline stores no secret.
     */
    record GitHubActions(String clientId) implements Credential {
        @Override
        public String kind() {
            return "githubActions";
        }
    }
}
