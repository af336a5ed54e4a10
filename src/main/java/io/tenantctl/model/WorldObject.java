package io.tenantctl.model;

/** What the three kinds have in common; sealed so that switches over them are exhaustive. */
public sealed interface WorldObject permits Tenant, Account, Subscription {

    Metadata metadata();

    Kind kind();

    default String name() {
        return metadata().name();
    }

    default ObjectRef ref() {
        return new ObjectRef(kind(), metadata().name());
    }

    /**
     * The object as a manifest declares it: what a live object is in the middle of (its status) left
     * out, so that the live world and the desired one compare by their specs only.
     */
    WorldObject withoutStatus();
}
