package io.tenantctl.profile.classic;

import io.tenantctl.model.Kind;
import io.tenantctl.step.Impact;
import io.tenantctl.step.Op;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;
import io.tenantctl.step.Subject.Shape;
import java.util.Optional;
import java.util.Set;

/** The 17 operations of the classic world (DESIGN.md 1.2); later profiles reuse those that mean the same. */
public enum ClassicOp implements Op {
    CREATE_TENANT("CreateTenant", Kind.TENANT, Shape.SIGN_UP, Field.NAME, Set.of(Impact.CREATE)),
    UPDATE_TENANT("UpdateTenant", Kind.TENANT, Shape.OBJECT, Field.DISPLAY_NAME, Set.of()),
    ADD_DOMAIN("AddDomain", Kind.TENANT, Shape.DOMAIN, Field.DOMAINS, Set.of()),
    REMOVE_DOMAIN("RemoveDomain", Kind.TENANT, Shape.DOMAIN, Field.DOMAINS, Set.of()),
    DELETE_TENANT("DeleteTenant", Kind.TENANT, Shape.TARGET, Field.NAME, Set.of(Impact.DELETE)),
    CREATE_ACCOUNT("CreateAccount", Kind.ACCOUNT, Shape.OBJECT, Field.NAME, Set.of(Impact.CREATE)),
    UPDATE_ACCOUNT("UpdateAccount", Kind.ACCOUNT, Shape.OBJECT, Field.DISPLAY_NAME, Set.of()),
    DELETE_ACCOUNT("DeleteAccount", Kind.ACCOUNT, Shape.TARGET, Field.NAME, Set.of(Impact.DELETE)),
    ADD_GLOBAL_ADMIN("AddGlobalAdmin", Kind.TENANT, Shape.ROLE, Field.GLOBAL_ADMINISTRATORS, Set.of(Impact.GRANT)),
    REMOVE_GLOBAL_ADMIN(
            "RemoveGlobalAdmin", Kind.TENANT, Shape.ROLE, Field.GLOBAL_ADMINISTRATORS, Set.of(Impact.REVOKE)),
    CREATE_SUBSCRIPTION("CreateSubscription", Kind.SUBSCRIPTION, Shape.OBJECT, Field.NAME, Set.of(Impact.CREATE)),
    UPDATE_SUBSCRIPTION("UpdateSubscription", Kind.SUBSCRIPTION, Shape.OBJECT, Field.DISPLAY_NAME, Set.of()),
    TRANSFER_SUBSCRIPTION("TransferSubscription", Kind.SUBSCRIPTION, Shape.MOVE, Field.TENANT, Set.of(Impact.TENANCY)),
    SET_SERVICE_ADMIN(
            "SetServiceAdmin", Kind.SUBSCRIPTION, Shape.ROLE, Field.SERVICE_ADMINISTRATOR, Set.of(Impact.GRANT)),
    ADD_CO_ADMIN("AddCoAdmin", Kind.SUBSCRIPTION, Shape.ROLE, Field.CO_ADMINISTRATORS, Set.of(Impact.GRANT)),
    REMOVE_CO_ADMIN("RemoveCoAdmin", Kind.SUBSCRIPTION, Shape.ROLE, Field.CO_ADMINISTRATORS, Set.of(Impact.REVOKE)),
    DELETE_SUBSCRIPTION("DeleteSubscription", Kind.SUBSCRIPTION, Shape.TARGET, Field.NAME, Set.of(Impact.DELETE));

    /** The manifest fields classic steps come from. */
    private static final class Field {
        static final ManifestField NAME = new ManifestField("/metadata/name", false);
        static final ManifestField DISPLAY_NAME = new ManifestField("/spec/displayName", false);
        static final ManifestField DOMAINS = new ManifestField("/spec/domains", true);
        static final ManifestField GLOBAL_ADMINISTRATORS = new ManifestField("/spec/globalAdministrators", true);
        static final ManifestField TENANT = new ManifestField("/spec/tenant", false);
        static final ManifestField SERVICE_ADMINISTRATOR = new ManifestField("/spec/serviceAdministrator", false);
        static final ManifestField CO_ADMINISTRATORS = new ManifestField("/spec/coAdministrators", true);
    }

    private final Spec spec;

    ClassicOp(String wireName, Kind targetKind, Shape shape, ManifestField field, Set<Impact> impact) {
        this.spec = new Spec(wireName, targetKind, shape, field, impact);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** The classic operation of a step; classic code only ever sees its own steps. */
    static ClassicOp of(Step step) {
        return (ClassicOp) step.op();
    }

    @Override
    public Optional<Role> role() {
        return switch (this) {
            case ADD_GLOBAL_ADMIN, REMOVE_GLOBAL_ADMIN -> Optional.of(ClassicRoles.GLOBAL_ADMINISTRATOR);
            case SET_SERVICE_ADMIN -> Optional.of(ClassicRoles.SERVICE_ADMINISTRATOR);
            case ADD_CO_ADMIN, REMOVE_CO_ADMIN -> Optional.of(ClassicRoles.CO_ADMINISTRATOR);
            case CREATE_TENANT,
                    UPDATE_TENANT,
                    ADD_DOMAIN,
                    REMOVE_DOMAIN,
                    DELETE_TENANT,
                    CREATE_ACCOUNT,
                    UPDATE_ACCOUNT,
                    DELETE_ACCOUNT,
                    CREATE_SUBSCRIPTION,
                    UPDATE_SUBSCRIPTION,
                    TRANSFER_SUBSCRIPTION,
                    DELETE_SUBSCRIPTION -> Optional.empty();
        };
    }

    @Override
    public boolean removesSubject() {
        return this == REMOVE_GLOBAL_ADMIN || this == REMOVE_CO_ADMIN || this == REMOVE_DOMAIN;
    }

    @Override
    public int order() {
        return ordinal();
    }

    @Override
    public String toString() {
        return spec.wireName();
    }
}
