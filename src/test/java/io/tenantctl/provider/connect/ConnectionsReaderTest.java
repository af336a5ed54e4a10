package io.tenantctl.provider.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.connect.Cloud;
import io.tenantctl.connect.Connections;
import io.tenantctl.connect.ConnectionsReader;
import io.tenantctl.connect.Credential;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionsReaderTest {

    private static ConnectionsReader.Result read(String yaml) {
        return ConnectionsReader.read(
                Path.of("/work/conf/connections.yaml"), "connections.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String yaml) {
        ConnectionsReader.Result result = read(yaml);
        assertThat(result.connections()).isEmpty();
        return result.diagnostics().stream()
                .map(d -> d.location().line() + ":" + d.location().column() + " " + d.code() + " " + d.message())
                .toList();
    }

    @Test
    void everyCredentialKindAndEndpointIsRead() {
        ConnectionsReader.Result result = read("""
                apiVersion: tenantctl.io/v1
                kind: Connections
                parallelism: 2
                tenants:
                  contoso:
                    tenantId: 72F988BF-86F1-41AF-91AB-2D7CD011DB47
                    credential: {kind: clientSecret, clientId: 6731de76-14a6-49ae-97bc-6eba6914391e}
                  fabrikam:
                    tenantId: 8f70baf1-1f6e-46a2-a1ff-238dac1ebfb7
                    credential: {kind: azureCli}
                    cloud: usgovernment
                  pipeline:
                    tenantId: 31c75423-32d6-4322-88b7-c478bdde4858
                    credential: {kind: githubActions, clientId: 6731de76-14a6-49ae-97bc-6eba6914391e}
                  local:
                    tenantId: 31c75423-32d6-4322-88b7-c478bdde4858
                    credential:
                      kind: clientCertificate
                      clientId: 6731de76-14a6-49ae-97bc-6eba6914391e
                      certificateEnv: CERT_PATH
                    endpoints: {login: "https://127.0.0.1:8443", graph: "https://127.0.0.1:8443/", arm: "https://127.0.0.1:8443", caFile: ca.pem}
                """);

        assertThat(result.diagnostics()).isEmpty();
        Connections c = result.connections().orElseThrow();
        assertThat(c.parallelism()).isEqualTo(2);
        assertThat(c.tenants()).containsOnlyKeys("contoso", "fabrikam", "pipeline", "local");
        TenantConnection contoso = c.tenant("contoso").orElseThrow();
        assertThat(contoso.tenantId()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
        assertThat(contoso.credential())
                .isEqualTo(new Credential.ClientSecret("6731de76-14a6-49ae-97bc-6eba6914391e", "AZURE_CLIENT_SECRET"));
        assertThat(contoso.endpoints()).isEqualTo(Cloud.PUBLIC.endpoints());
        assertThat(c.tenant("fabrikam").orElseThrow().endpoints().graph()).isEqualTo("https://graph.microsoft.us");
        assertThat(c.tenant("fabrikam").orElseThrow().credential().person()).isTrue();
        TenantConnection local = c.tenant("local").orElseThrow();
        assertThat(local.credential())
                .isEqualTo(new Credential.ClientCertificate("6731de76-14a6-49ae-97bc-6eba6914391e", "CERT_PATH", ""));
        assertThat(local.endpoints().login()).isEqualTo("https://127.0.0.1:8443/");
        assertThat(local.endpoints().graph()).isEqualTo("https://127.0.0.1:8443");
        assertThat(local.endpoints().caFile()).contains(Path.of("/work/conf/ca.pem"));
        assertThat(local.endpoints().graphScope()).isEqualTo("https://127.0.0.1:8443/.default");
    }

    @Test
    void everyProblemIsReportedAtItsPlaceAllAtOnce() {
        assertThat(problems("""
                apiVersion: tenantctl.io/v1
                kind: Connection
                parallelism: 100
                tenants:
                  Contoso:
                    tenantId: contoso.onmicrosoft.com
                    credential: {kind: password, clientId: x}
                  fabrikam:
                    tenantId: 8f70baf1-1f6e-46a2-a1ff-238dac1ebfb7
                    credential: {kind: clientSecret, clientId: 6731de76-14a6-49ae-97bc-6eba6914391e, secret: x}
                    endpoints: {graph: "http://127.0.0.1:80"}
                    region: west
                """))
                .containsExactly(
                        "2:7 connections kind is Connections, not Connection",
                        "3:14 connections parallelism is a whole number from 1 to 16",
                        "5:3 connections a tenant name is a Tenant's metadata.name: lowercase letters, digits and '-'",
                        "6:15 connections tenantId is the directory's id, a GUID",
                        "7:24 connections kind is azureCli, clientSecret, clientCertificate, workloadIdentity or"
                                + " githubActions, not password",
                        "12:5 connections unknown key 'region' (expected one of: cloud, credential, endpoints,"
                                + " tenantId)",
                        "10:86 connections unknown key 'secret' (expected one of: clientId, kind, secretEnv)",
                        "11:24 connections graph is an https URL of a host (and port), like"
                                + " https://graph.microsoft.com");
    }

    @Test
    void aSecretWhereAVariableNameBelongsIsRefusedWithoutBeingRepeated() {
        List<String> found = problems("""
                apiVersion: tenantctl.io/v1
                kind: Connections
                tenants:
                  contoso:
                    tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
                    credential: {kind: clientSecret, clientId: 6731de76-14a6-49ae-97bc-6eba6914391e, secretEnv: "Qk8~x.Yz-3rP"}
                """);
        assertThat(found)
                .containsExactly("6:97 connections secretEnv names the environment variable that holds the secret"
                        + " (letters, digits, _), never the secret itself");
        assertThat(String.join("\n", found)).doesNotContain("Qk8~x.Yz-3rP");
    }

    @Test
    void unsafeYamlIsRefusedAsInManifests() {
        ConnectionsReader.Result result = read("""
                apiVersion: tenantctl.io/v1
                kind: Connections
                tenants:
                  contoso: &a
                    tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
                  fabrikam: *a
                """);
        assertThat(result.connections()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsOnly("yaml");
    }

    @Test
    void aMissingCredentialIsNamed() {
        assertThat(problems("""
                apiVersion: tenantctl.io/v1
                kind: Connections
                tenants:
                  contoso: {tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47}
                """)).singleElement().asString().contains("missing key 'credential'");
        assertThat(read("apiVersion: tenantctl.io/v1\nkind: Connections\ntenants: {}\n")
                        .diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("tenants is a mapping of tenant name to its connection");
    }
}
