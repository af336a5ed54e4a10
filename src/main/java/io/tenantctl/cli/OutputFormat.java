package io.tenantctl.cli;

import java.util.Locale;

/** The {@code -o} values; each command accepts a subset. */
public enum OutputFormat {
    TEXT,
    JSON,
    MARKDOWN,
    YAML,
    /** {@code get}: the table with more columns (which applyset owns each object). */
    WIDE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
