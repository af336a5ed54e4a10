package io.tenantctl.provider.azure;

import java.util.Optional;

/**
 * One part of a tenant as a read found it: seen, or not seen because the read failed. A part not
 * seen is unknown, never empty: its objects are never planned as absent.
 */
public sealed interface Part<T> {

    /** The part as read. */
    record Seen<T>(T value) implements Part<T> {}

    /**
     * The read failed.
     *
     * @param why       the failed request, with the service's words
     * @param code      the service's error code
     * @param requestId the failed request's id, when the service gave one
     */
    record Unseen<T>(String why, String code, Optional<String> requestId) implements Part<T> {}

    /** The value, when seen. */
    default Optional<T> seen() {
        return this instanceof Seen<T> seen ? Optional.of(seen.value()) : Optional.empty();
    }
}
