package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.json.Json;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.StateException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The store's database as every part of the store uses it: where it is (for messages that never
 * show a password), its dialect, reads in one consistent transaction, and how a failure or a row
 * this version cannot read is told to the user.
 */
record Database(StateUrl url, Dialect dialect) {

    /** Reads done on one connection. */
    @FunctionalInterface
    interface Reads<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The store as the user named it, without secrets. */
    String location() {
        return url.display();
    }

    /** Runs reads in one read-only transaction, which sees one consistent state. */
    <T> T read(Reads<T> reads) {
        try (Connection connection = dialect.openForRead(url)) {
            T out = reads.run(connection);
            connection.rollback();
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** One line for a database failure. */
    StateException failure(SQLException e) {
        return new StateException(Codes.STATE, dialect.describeFailure(url, e), e);
    }

    /** An object stored as canonical JSON. */
    WorldObject object(String manifest) {
        try {
            return ManifestCodec.decode(Json.parse(manifest));
        } catch (RuntimeException e) {
            throw new StateException(
                    Codes.STATE,
                    "the state at " + location() + " holds an object this version cannot read: " + e.getMessage());
        }
    }
}
