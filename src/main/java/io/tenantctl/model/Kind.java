package io.tenantctl.model;

import java.util.Locale;
import java.util.Optional;

/** The kinds of manifest, in the order they are listed everywhere: containers before contents. */
public enum Kind {
    TENANT("Tenant"),
    ACCOUNT("Account"),
    SUBSCRIPTION("Subscription");

    private final String manifestName;

    Kind(String manifestName) {
        this.manifestName = manifestName;
    }

    /** The {@code kind:} value of a manifest. */
    public String manifestName() {
        return manifestName;
    }

    public static Optional<Kind> fromManifestName(String name) {
        for (Kind kind : values()) {
            if (kind.manifestName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Accepts the manifest name in any case, and plurals, as {@code get} does. */
    public static Optional<Kind> parseLenient(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Kind kind : values()) {
            String name = kind.manifestName.toLowerCase(Locale.ROOT);
            if (lower.equals(name) || lower.equals(name + "s")) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return manifestName;
    }
}
