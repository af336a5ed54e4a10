package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateMissingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes a store usable: creates it on first use (for SQLite with its folder; a new lineage,
 * revision 0, the profile asked for), upgrades an older schema by the {@link Migrations} it lacks, under the migration
 * lock so that two processes opening a new store at once do not race, and refuses a schema newer
 * than this version knows.
 */
final class Bootstrap {

    private final Database database;
    private final Locking locking;
    private final Clock clock;
    private final Supplier<String> lineages;
    private final String profile;

    /** @param profile the profile a state created now is recorded with */
    Bootstrap(Database database, Locking locking, Clock clock, Supplier<String> lineages, String profile) {
        this.database = database;
        this.locking = locking;
        this.clock = clock;
        this.lineages = lineages;
        this.profile = profile;
    }

    /** Creates or upgrades the schema; with {@code mustExist}, a store without one is an error instead. */
    void run(Duration lockTimeout, boolean mustExist) {
        StateUrl url = database.url();
        if (url.kind() == StateUrl.Kind.SQLITE) {
            if (mustExist && !Files.isRegularFile(url.sqlitePath())) {
                throw new StateMissingException("no state at " + database.location() + ": the file does not exist");
            }
            createFolder(url.sqlitePath());
        }
        int version = database.read(Migrations::current);
        if (version == 0 && mustExist) {
            throw new StateMissingException(
                    "no state at " + database.location() + ": the database holds no tenantctl tables");
        }
        refuseNewer(version);
        if (version == Migrations.latest()) {
            return;
        }
        LockHolder me = LockHolder.thisProcess(System.getProperty("user.name", "unknown"), clock.instant());
        locking.run(() -> database.dialect().openForMigration(url, lockTimeout, me), lockTimeout, connection -> {
            // Read again under the lock: another process may have upgraded it meanwhile.
            int locked = Migrations.current(connection);
            refuseNewer(locked);
            if (locked < Migrations.latest()) {
                upgrade(connection, locked);
            }
            connection.commit();
            return null;
        });
    }

    private void upgrade(Connection connection, int from) throws SQLException {
        String now = clock.instant().toString();
        Migrations.apply(connection, from, now);
        if (from == 0) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO tc_head (id, lineage, revision, updated_at, profile) VALUES (1, ?, 0, ?, ?)")) {
                s.setString(1, lineages.get());
                s.setString(2, now);
                s.setString(3, profile);
                s.executeUpdate();
            }
        }
    }

    private void refuseNewer(int version) {
        if (version > Migrations.latest()) {
            throw new StateException(
                    Codes.STATE,
                    "the state at " + database.location() + " was written by a newer tenantctl (schema " + version
                            + "); this tenantctl knows schema " + Migrations.latest() + "; upgrade tenantctl");
        }
    }

    private static void createFolder(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StateException(
                    Codes.STATE, "cannot create the folder of the state file " + file + ": " + e.getMessage());
        }
    }
}
