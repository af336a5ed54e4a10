package io.tenantctl.state;

import io.tenantctl.json.WireName;
import java.util.List;
import java.util.Optional;

/**
 * One step of a live apply as the journal has it.
 *
 * @param requestIds the service's ids of the requests it sent
 * @param error      for a failed step, the service's error code, request id and message
 */
public record JournalStep(
        int index, String op, String target, Status status, List<String> requestIds, Optional<String> error) {

    public JournalStep {
        requestIds = List.copyOf(requestIds);
    }

    /** Where a step got to. */
    public enum Status implements WireName {
        /** Its first request may have been sent; whether it took effect is for a read to say. */
        STARTED("started"),
        /** A read showed its effect. */
        DONE("done"),
        /** Done, and its effect is in the stored world (committed with a revision). */
        COMMITTED("committed"),
        /** A request failed. */
        FAILED("failed");

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
}
