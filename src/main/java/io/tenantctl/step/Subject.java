package io.tenantctl.step;

import io.tenantctl.model.Account;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import java.util.List;
import java.util.Optional;

/**
 * What a step acts with, besides its target: nothing more, an account's role, a domain, a move
 * between tenants, a desired object, or a sign-up. Each operation takes exactly one shape
 * ({@link Op#shape()}), so a step cannot carry a domain it has no use for, and code that needs an
 * account's role gets one by the type, not by hoping that an optional is there.
 */
public sealed interface Subject {

    /** Which kind of subject an operation takes. */
    enum Shape {
        TARGET,
        ROLE,
        DOMAIN,
        MOVE,
        OBJECT,
        SIGN_UP
    }

    Shape shape();

    /** The target alone: deletions. */
    record Target() implements Subject {
        @Override
        public Shape shape() {
            return Shape.TARGET;
        }
    }

    /**
     * An account whose role on the target is granted, revoked or named.
     *
     * @param account the sign-in name: normalised while planning, as declared once placed in a plan
     */
    record Role(String account) implements Subject {
        @Override
        public Shape shape() {
            return Shape.ROLE;
        }
    }

    /** A domain added to or removed from the target tenant. */
    record Domain(String domain) implements Subject {
        @Override
        public Shape shape() {
            return Shape.DOMAIN;
        }
    }

    /**
     * The tenant a subscription leaves and the one it joins.
     *
     * @param by who does it, once the step is bound to its actor, where what the move does depends on
     *           who does it (the account that accepts a change of directory becomes its owner)
     */
    record Move(String from, String to, Optional<String> by) implements Subject {

        public Move(String from, String to) {
            this(from, to, Optional.empty());
        }

        @Override
        public Shape shape() {
            return Shape.MOVE;
        }
    }

    /** The whole desired object, for steps that create or update one. */
    record Desired(WorldObject object) implements Subject {
        @Override
        public Shape shape() {
            return Shape.OBJECT;
        }
    }

    /**
     * A new tenant and who signs up for it.
     *
     * @param tenant     the desired tenant
     * @param candidates work or school accounts of the new tenant that could sign up for it (and are
     *                   created by doing so); once the step is placed, at most the one that did
     * @param founder    who signed up, once the step is bound to its actor
     */
    record SignUp(Tenant tenant, List<Account> candidates, Optional<String> founder) implements Subject {

        public SignUp {
            candidates = List.copyOf(candidates);
        }

        @Override
        public Shape shape() {
            return Shape.SIGN_UP;
        }
    }

    Target TARGET = new Target();
}
