package io.tenantctl.state.jdbc;

import io.tenantctl.state.ActionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The external actions of a state (migration 6): read them all, write the ones an apply changed. */
final class Actions {

    private Actions() {}

    static List<ActionRecord> read(Connection connection) throws SQLException {
        List<ActionRecord> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, who, what, status, revision, waiting_at, confirmed_at,"
                        + " confirmed_by FROM tc_action ORDER BY waiting_at, id")) {
            while (rs.next()) {
                out.add(new ActionRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        ActionRecord.Status.fromWireName(rs.getString(4)),
                        rs.getLong(5),
                        Instant.parse(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7)).map(Instant::parse),
                        Optional.ofNullable(rs.getString(8))));
            }
        }
        return out;
    }

    /** Inserts or replaces each action by its id, in the caller's transaction. */
    static void write(Connection connection, List<ActionRecord> actions) throws SQLException {
        if (actions.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tc_action WHERE id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO tc_action (id, who, what, status,"
                        + " revision, waiting_at, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ActionRecord a : actions) {
                delete.setString(1, a.id());
                delete.executeUpdate();
                insert.setString(1, a.id());
                insert.setString(2, a.who());
                insert.setString(3, a.what());
                insert.setString(4, a.status().wireName());
                insert.setLong(5, a.revision());
                insert.setString(6, a.waitingAt().toString());
                insert.setString(7, a.confirmedAt().map(Instant::toString).orElse(null));
                insert.setString(8, a.confirmedBy().orElse(null));
                insert.executeUpdate();
            }
        }
    }
}
