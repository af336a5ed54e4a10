package io.tenantctl.model;

import java.util.Optional;

/** What a subscription is for; it decides which administrator roles it has. */
public enum Offer {
    /** Has an account administrator, one service administrator and co-administrators. */
    AZURE("Azure"),
    /** Bound to its tenant for life; no classic administrator roles. */
    OFFICE365("Office365");

    private final String manifestName;

    Offer(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }

    public static Optional<Offer> fromManifestName(String name) {
        for (Offer offer : values()) {
            if (offer.manifestName.equals(name)) {
                return Optional.of(offer);
            }
        }
        return Optional.empty();
    }
}
