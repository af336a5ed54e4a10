package io.tenantctl.step;

import io.tenantctl.model.Kind;
import java.util.Optional;

/** The operations a plan is made of, with the kind of object each acts on. */
public enum Op {
    CREATE_TENANT("CreateTenant", Kind.TENANT),
    UPDATE_TENANT("UpdateTenant", Kind.TENANT),
    ADD_DOMAIN("AddDomain", Kind.TENANT),
    REMOVE_DOMAIN("RemoveDomain", Kind.TENANT),
    DELETE_TENANT("DeleteTenant", Kind.TENANT),
    CREATE_ACCOUNT("CreateAccount", Kind.ACCOUNT),
    UPDATE_ACCOUNT("UpdateAccount", Kind.ACCOUNT),
    DELETE_ACCOUNT("DeleteAccount", Kind.ACCOUNT),
    ADD_GLOBAL_ADMIN("AddGlobalAdmin", Kind.TENANT),
    REMOVE_GLOBAL_ADMIN("RemoveGlobalAdmin", Kind.TENANT),
    CREATE_SUBSCRIPTION("CreateSubscription", Kind.SUBSCRIPTION),
    UPDATE_SUBSCRIPTION("UpdateSubscription", Kind.SUBSCRIPTION),
    TRANSFER_SUBSCRIPTION("TransferSubscription", Kind.SUBSCRIPTION),
    SET_SERVICE_ADMIN("SetServiceAdmin", Kind.SUBSCRIPTION),
    ADD_CO_ADMIN("AddCoAdmin", Kind.SUBSCRIPTION),
    REMOVE_CO_ADMIN("RemoveCoAdmin", Kind.SUBSCRIPTION),
    DELETE_SUBSCRIPTION("DeleteSubscription", Kind.SUBSCRIPTION);

    private final String wireName;
    private final Kind targetKind;

    Op(String wireName, Kind targetKind) {
        this.wireName = wireName;
        this.targetKind = targetKind;
    }

    /** The name in plans, JSON and history. */
    public String wireName() {
        return wireName;
    }

    public Kind targetKind() {
        return targetKind;
    }

    public static Optional<Op> fromWireName(String name) {
        for (Op op : values()) {
            if (op.wireName.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** What the step does to administrator rights, for reviewers. */
    public Privilege privilege() {
        return switch (this) {
            case CREATE_TENANT, ADD_GLOBAL_ADMIN, SET_SERVICE_ADMIN, ADD_CO_ADMIN, CREATE_SUBSCRIPTION ->
                Privilege.GRANT;
            case REMOVE_GLOBAL_ADMIN, REMOVE_CO_ADMIN, TRANSFER_SUBSCRIPTION -> Privilege.REVOKE;
            case UPDATE_TENANT,
                    ADD_DOMAIN,
                    REMOVE_DOMAIN,
                    DELETE_TENANT,
                    CREATE_ACCOUNT,
                    UPDATE_ACCOUNT,
                    DELETE_ACCOUNT,
                    UPDATE_SUBSCRIPTION,
                    DELETE_SUBSCRIPTION -> Privilege.NONE;
        };
    }

    /** Whether the step removes an object. */
    public boolean isDeletion() {
        return this == DELETE_TENANT || this == DELETE_ACCOUNT || this == DELETE_SUBSCRIPTION;
    }

    /** How a step changes who holds administrator rights. */
    public enum Privilege {
        GRANT,
        REVOKE,
        NONE
    }

    @Override
    public String toString() {
        return wireName;
    }
}
