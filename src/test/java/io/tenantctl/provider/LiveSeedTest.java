package io.tenantctl.provider;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live tests' common ground: the seed story's two directories as they are before it starts
 * (Contoso, and the Default directory Michael created with his Microsoft account), each on a local
 * fixture server of its own, the connections file that reaches both, and a new SQLite state.
 */
abstract class LiveSeedTest {

    @TempDir
    Path dir;

    FixtureServer contoso;
    FixtureServer defaultDirectory;
    Path connections;
    String state;

    @BeforeEach
    void startTenants() throws Exception {
        contoso = FixtureServer.start(Files.createDirectories(dir.resolve("contoso")));
        defaultDirectory = FixtureServer.start(Files.createDirectories(dir.resolve("default")));
        LivePlanCliTest.seedBefore().serve(contoso);
        LivePlanCliTest.defaultDirectoryBefore().serve(defaultDirectory);
        connections = Files.writeString(
                dir.resolve("connections.yaml"),
                FixtureServer.CONNECTIONS
                        + contoso.connection("contoso", LivePlanCliTest.CONTOSO)
                        + defaultDirectory.connection("default-directory", LivePlanCliTest.DEFAULT));
        state = "sqlite:" + dir.resolve("state.db");
    }

    /** Contoso's users cannot be read: the app lacks the permission (Graph's 403 code). */
    void contosoUsersUnreadable() {
        contoso.instead(
                "GET", "/v1.0/users", Fixture.failure("graph/errors/error-shape.json", "Authorization_RequestDenied"));
    }

    @AfterEach
    void stopTenants() {
        contoso.close();
        defaultDirectory.close();
    }
}
