package io.tenantctl.testing;

import java.nio.file.Path;

/** The two dialects of the state store; suites that take one run against both. */
public enum Backend {
    SQLITE {
        @Override
        public String newState(Path dir) {
            return "sqlite:" + dir.resolve("state-" + System.nanoTime() + ".db");
        }
    },
    POSTGRESQL {
        @Override
        public String newState(Path dir) {
            return Postgres.newDatabase();
        }
    };

    /** A new, empty state store of this dialect, as a {@code --state} URL. */
    public abstract String newState(Path dir);
}
