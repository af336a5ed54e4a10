package io.tenantctl.state.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A prepared statement run in batches of a thousand rows: bulk writes of a large apply go to the
 * database in a few hundred round trips instead of hundreds of thousands.
 */
final class Batch implements AutoCloseable {

    /** Rows per round trip, for writes and for the fetch size of large reads. */
    static final int SIZE = 1000;

    private final PreparedStatement statement;
    private int pending;

    Batch(Connection connection, String sql) throws SQLException {
        this.statement = connection.prepareStatement(sql);
    }

    /** Adds one row of parameters (strings, longs, ints or null). */
    void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
        statement.addBatch();
        if (++pending == SIZE) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (pending > 0) {
                statement.executeBatch();
            }
        } finally {
            statement.close();
        }
    }
}
