package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateException;
import io.tenantctl.world.World;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the state at its current revision: the head row and every live object with its ownership. */
final class Snapshots {

    private final Database database;

    Snapshots(Database database) {
        this.database = database;
    }

    Snapshot read(Connection connection) throws SQLException {
        String lineage;
        long revision;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT lineage, revision FROM tc_head WHERE id = 1")) {
            if (!rs.next()) {
                throw new StateException(
                        Codes.STATE, "the state at " + database.location() + " has no head row; it is damaged");
            }
            lineage = rs.getString(1);
            revision = rs.getLong(2);
        }
        List<WorldObject> objects = new ArrayList<>();
        Map<ObjectRef, Ownership> ownership = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(Batch.SIZE);
            try (ResultSet rs = s.executeQuery("SELECT manifest, revision, applyset, source FROM tc_object")) {
                while (rs.next()) {
                    WorldObject object = database.object(rs.getString(1));
                    objects.add(object);
                    ownership.put(object.ref(), new Ownership(rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return new Snapshot(lineage, revision, World.of(objects), ownership);
    }
}
