package io.tenantctl.cli;

import io.tenantctl.connect.Connections;
import io.tenantctl.connect.ConnectionsReader;
import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.provider.Provider;
import io.tenantctl.provider.RecordProvider;
import io.tenantctl.provider.azure.AzureProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --provider} and {@code --connections}: whether a command sees the state store or live tenants. */
public final class ProviderOptions {

    static final String AZURE = "azure";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--provider",
            paramLabel = "NAME",
            defaultValue = RecordProvider.NAME,
            description = "record (default): plan against the state store, and apply to it alone. azure: observe"
                    + " the connected tenants through Microsoft Graph and Azure Resource Manager and change them"
                    + " (the entra profile; needs --connections). See docs/provider.md.")
    String provider;

    @Option(
            names = "--connections",
            paramLabel = "FILE",
            description = "The connected tenants (YAML: tenant name, tenant id, credential kind, endpoints), for"
                    + " --provider azure (also: TENANTCTL_CONNECTIONS).")
    Path connections;

    /** What the options choose: a provider, or why the choice cannot be used (exit 1, with diagnostics). */
    sealed interface Choice {}

    /** The provider to use. */
    record Chosen(Provider provider) implements Choice {}

    /** The choice cannot be used: its problems (located in the connections file where they are). */
    record Refused(List<Diagnostic> problems) implements Choice {}

    /** Whether the live provider was asked for. */
    boolean live() {
        return AZURE.equals(provider);
    }

    /**
     * The provider for this run. A usage mistake (an unknown provider,
     * connections without the azure provider or the reverse) is a usage error, exit 64.
     */
    Choice choose(Environment env) {
        Optional<Path> file = connectionsFile(env);
        if (!RecordProvider.NAME.equals(provider) && !AZURE.equals(provider)) {
            throw new ParameterException(
                    mixee.commandLine(), "invalid --provider '" + provider + "' (record or azure)");
        }
        if (!live()) {
            if (connections != null) {
                throw new ParameterException(
                        mixee.commandLine(),
                        "--connections is for --provider azure; the record provider reaches no tenant");
            }
            return new Chosen(new RecordProvider());
        }
        if (file.isEmpty()) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--provider azure needs --connections FILE (or TENANTCTL_CONNECTIONS): the tenants to reach");
        }
        ConnectionsReader.Result read = read(file.get());
        if (read.connections().isEmpty()) {
            return new Refused(read.diagnostics());
        }
        return live(read.connections().get(), env);
    }

    /**
     * The live provider for these connections. Credentials are made only when a tenant is first
     * reached; whether the state's profile is one the provider works under is checked by the engine
     * once the state is open, before any request.
     */
    private static Choice live(Connections connections, Environment env) {
        return new Chosen(AzureProvider.of(connections, env.variables()));
    }

    private Optional<Path> connectionsFile(Environment env) {
        if (connections != null) {
            return Optional.of(connections);
        }
        String fromEnv = env.variable("TENANTCTL_CONNECTIONS");
        return fromEnv.isBlank() || !live() ? Optional.empty() : Optional.of(Path.of(fromEnv));
    }

    private ConnectionsReader.Result read(Path file) {
        return read(mixee, file);
    }

    /** Reads a connections file; a missing one is a usage error, exit 64. */
    static ConnectionsReader.Result read(CommandSpec spec, Path file) {
        try {
            return ConnectionsReader.read(file, file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such connections file: " + file);
        } catch (IOException e) {
            return new ConnectionsReader.Result(
                    Optional.empty(),
                    List.of(Diagnostic.error(Codes.IO, "cannot read the connections file " + IoErrors.describe(e))));
        }
    }
}
