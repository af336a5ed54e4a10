package io.tenantctl.connect;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import io.tenantctl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Tokens through {@code com.azure:azure-identity}, its credential built on the first request for a
 * token (never when a connections file is read, so that {@code validate} and every command that
 * reaches no tenant loads no {@code com.azure} class), with the JDK's HTTP client, the connection's
 * authority host and TLS context, and instance discovery off (the authority host is the one the
 * connection names; discovery would call the public cloud, which a sovereign cloud or the local
 * test server is not).
 *
 * <p>Secrets are read from the environment when the credential is built, handed to the library,
 * and never kept or repeated: a failure message names the tenant and the credential kind, and the
 * library's words with any secret this connection reads taken out.
 */
public final class IdentityTokens implements TokenSource {

    private static final String GITHUB_AUDIENCE = "api://AzureADTokenExchange";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TenantConnection connection;
    private final Map<String, String> environment;
    private TokenCredential credential;

    public IdentityTokens(TenantConnection connection, Map<String, String> environment) {
        this.connection = connection;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public synchronized String token(String scope) throws TokenException {
        try {
            if (credential == null) {
                credential = build();
            }
            AccessToken token = credential.getTokenSync(
                    new TokenRequestContext().addScopes(scope).setTenantId(connection.tenantId()));
            return token.getToken();
        } catch (IOException | RuntimeException e) {
            throw new TokenException("cannot sign in to tenant " + connection.name() + " (" + connection.tenantId()
                    + ") with its " + connection.credential().kind() + " credential: " + scrub(e.getMessage()));
        }
    }

    private TokenCredential build() throws IOException {
        SSLContext tls = Tls.context(connection.endpoints().caFile());
        // azure-core's client over the JDK's, with this connection's TLS context.
        var http = new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(tls)).build();
        Credential kind = connection.credential();
        String authority = connection.endpoints().login();
        String tenant = connection.tenantId();
        if (kind instanceof Credential.ClientSecret c) {
            return new ClientSecretCredentialBuilder()
                    .tenantId(tenant)
                    .clientId(c.clientId())
                    .clientSecret(required(c.secretEnv(), "the client secret"))
                    .authorityHost(authority)
                    .disableInstanceDiscovery()
                    .httpClient(http)
                    .build();
        }
        if (kind instanceof Credential.ClientCertificate c) {
            String path = required(c.certificateEnv(), "the path of the certificate file");
            ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
                    .tenantId(tenant)
                    .clientId(c.clientId())
                    .authorityHost(authority)
                    .disableInstanceDiscovery()
                    .httpClient(http);
            if (path.endsWith(".pfx") || path.endsWith(".p12")) {
                builder.pfxCertificate(path);
                if (!env(c.passwordEnv()).isEmpty()) {
                    builder.clientCertificatePassword(env(c.passwordEnv()));
                }
            } else {
                builder.pemCertificate(path);
            }
            return builder.build();
        }
        if (kind instanceof Credential.WorkloadIdentity c) {
            return new WorkloadIdentityCredentialBuilder()
                    .tenantId(tenant)
                    .clientId(c.clientId())
                    .tokenFilePath(required(c.tokenFileEnv(), "the path of the federated token file"))
                    .authorityHost(authority)
                    .disableInstanceDiscovery()
                    .httpClient(http)
                    .build();
        }
        if (kind instanceof Credential.GitHubActions c) {
            String url = required(
                    "ACTIONS_ID_TOKEN_REQUEST_URL", "the GitHub Actions token URL (permissions: id-token: write)");
            String bearer = required("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "the GitHub Actions token request token");
            return new ClientAssertionCredentialBuilder()
                    .tenantId(tenant)
                    .clientId(c.clientId())
                    .clientAssertion(() -> gitHubToken(tls, url, bearer))
                    .authorityHost(authority)
                    .disableInstanceDiscovery()
                    .httpClient(http)
                    .build();
        }
        return new AzureCliCredentialBuilder()
                .tenantId(tenant)
                .processTimeout(TIMEOUT)
                .build();
    }

    /** The job's OIDC token for Entra ID, from the Actions runner (GitHub's "Configuring OpenID Connect in cloud providers"). */
    private static String gitHubToken(SSLContext tls, String url, String bearer) {
        String separator = url.contains("?") ? "&" : "?";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + separator + "audience=" + GITHUB_AUDIENCE))
                .timeout(TIMEOUT)
                .header("Authorization", "bearer " + bearer)
                .GET()
                .build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .sslContext(tls)
                    .connectTimeout(TIMEOUT)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the GitHub Actions runner answered " + response.statusCode()
                        + " to the request for an OIDC token");
            }
            return Json.parse(response.body()).path("value").asString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the GitHub Actions token URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking GitHub Actions for an OIDC token");
        }
    }

    private String required(String variable, String what) throws IOException {
        String value = env(variable);
        if (value.isEmpty()) {
            throw new IOException("the environment variable " + variable + " (" + what + ") is not set");
        }
        return value;
    }

    private String env(String name) {
        return name.isEmpty() ? "" : environment.getOrDefault(name, "");
    }

    /** The library's message without any secret this connection reads, cut to one line. */
    private String scrub(String message) {
        String out = message == null ? "(no message)" : message;
        for (String secret : secrets()) {
            out = out.replace(secret, "***");
        }
        int newline = out.indexOf('\n');
        return newline < 0 ? out : out.substring(0, newline);
    }

    private List<String> secrets() {
        List<String> out = new ArrayList<>();
        Credential kind = connection.credential();
        if (kind instanceof Credential.ClientSecret c) {
            out.add(env(c.secretEnv()));
        } else if (kind instanceof Credential.ClientCertificate c) {
            out.add(env(c.passwordEnv()));
        } else if (kind instanceof Credential.GitHubActions) {
            out.add(env("ACTIONS_ID_TOKEN_REQUEST_TOKEN"));
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
