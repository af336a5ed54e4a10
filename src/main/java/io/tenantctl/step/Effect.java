package io.tenantctl.step;

import io.tenantctl.model.ObjectRef;
import java.util.Optional;

/**
 * Something a step does besides what its name says, as the profile computed it when the step ran
 * (a transfer removes a co-administrator; a sign-up creates the founder's account), with the words
 * a plan shows for it.
 */
public sealed interface Effect {

    /** The words the plan shows, in text, JSON ({@code effects}) and Markdown. */
    String words();

    /** What this effect adds to the step's {@link Impact}; empty when nothing a reviewer must see. */
    Optional<Impact> impact();

    /** Whether a role was given or taken away. */
    enum Change {
        GRANTED,
        REVOKED
    }

    /**
     * An account's role on an object was given or taken away.
     *
     * @param account the account's normalised sign-in name
     */
    record RoleChanged(Change change, Role role, String account, ObjectRef object, String words) implements Effect {
        @Override
        public Optional<Impact> impact() {
            return Optional.of(change == Change.GRANTED ? Impact.GRANT : Impact.REVOKE);
        }
    }

    /** An object came into being as a side effect. */
    record Created(ObjectRef object, String words) implements Effect {
        @Override
        public Optional<Impact> impact() {
            return Optional.of(Impact.CREATE);
        }
    }

    /**
     * An effect read back from a saved plan, which keeps only its words; what it meant was kept as
     * the step's impact.
     */
    record Recorded(String words) implements Effect {
        @Override
        public Optional<Impact> impact() {
            return Optional.empty();
        }
    }
}
