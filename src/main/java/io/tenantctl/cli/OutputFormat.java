package io.tenantctl.cli;

/** The {@code -o} values; each command accepts a subset. */
public enum OutputFormat {
    TEXT,
    JSON,
    MARKDOWN,
    YAML;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
