package io.tenantctl.state;

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
    public enum Status {
        WAITING("waiting"),
        CONFIRMED("confirmed"),
        DONE("done");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Status fromWireName(String name) {
            for (Status s : values()) {
                if (s.wireName.equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown action status " + name);
        }
    }

    public ActionRecord confirmed(Instant at, String by) {
        return new ActionRecord(id, who, what, Status.CONFIRMED, revision, waitingAt, Optional.of(at), Optional.of(by));
    }

    public ActionRecord done() {
        return new ActionRecord(id, who, what, Status.DONE, revision, waitingAt, confirmedAt, confirmedBy);
    }
}
