package io.tenantctl.state;

import io.tenantctl.json.WireName;
import java.time.Instant;
import java.util.Optional;

/**
 * An external action as the state keeps it: waiting since an apply stopped before it, confirmed by
 * an operator ({@code apply --confirm ID}), or done once the step that needed it was applied.
 *
 * @param revision the revision the apply that found it waiting left the state at
 */
public record ActionRecord(
        String id,
        String who,
        String what,
        Status status,
        long revision,
        Instant waitingAt,
        Optional<Instant> confirmedAt,
        Optional<String> confirmedBy) {

    /** Where an action is. */
    public enum Status implements WireName {
        WAITING("waiting"),
        CONFIRMED("confirmed"),
        DONE("done");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public static Status fromWireName(String name) {
            return WireName.of(Status.class, name);
        }
    }

    public ActionRecord confirmed(Instant at, String by) {
        return new ActionRecord(id, who, what, Status.CONFIRMED, revision, waitingAt, Optional.of(at), Optional.of(by));
    }

    public ActionRecord done() {
        return new ActionRecord(id, who, what, Status.DONE, revision, waitingAt, confirmedAt, confirmedBy);
    }
}
