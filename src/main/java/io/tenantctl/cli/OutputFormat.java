package io.tenantctl.cli;

import java.util.Locale;

/** The {@code -o} values; each command accepts a subset. */
public enum OutputFormat {
    TEXT,
    JSON,
    MARKDOWN,
    YAML;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
