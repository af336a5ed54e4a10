package io.tenantctl.profile.entra;

import io.tenantctl.model.Kind;
import io.tenantctl.model.Names;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.Impact;
import io.tenantctl.step.Op;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;
import io.tenantctl.step.Subject.Shape;
import java.util.Optional;
import java.util.Set;

/**
 * The operations the entra world adds to those it shares with the classic one (DESIGN.md 8); the
 * shared ones ({@code CreateAccount}, {@code AddGlobalAdmin}, ...) are {@code ClassicOp} values, so
 * that a name in a plan file means one operation whatever the profile.
 */
public enum EntraOp implements Op {
    VERIFY_DOMAIN("VerifyDomain", Kind.TENANT, Shape.DOMAIN, Field.DOMAINS, Set.of()),
    INVITE_GUEST("InviteGuest", Kind.TENANT, Shape.ROLE, Field.GUESTS, Set.of(Impact.CREATE)),
    REDEEM_INVITATION("RedeemInvitation", Kind.TENANT, Shape.ROLE, Field.GUESTS, Set.of()),
    REMOVE_GUEST("RemoveGuest", Kind.TENANT, Shape.ROLE, Field.GUESTS, Set.of(Impact.DELETE)),
    ELEVATE_ACCESS("ElevateAccess", Kind.TENANT, Shape.ROLE, Field.GLOBAL_ADMINISTRATORS, Set.of(Impact.GRANT)),
    REMOVE_ELEVATED_ACCESS(
            "RemoveElevatedAccess", Kind.TENANT, Shape.ROLE, Field.GLOBAL_ADMINISTRATORS, Set.of(Impact.REVOKE)),
    ADD_OWNER("AddOwner", Kind.SUBSCRIPTION, Shape.ROLE, Field.OWNERS, Set.of(Impact.GRANT)),
    REMOVE_OWNER("RemoveOwner", Kind.SUBSCRIPTION, Shape.ROLE, Field.OWNERS, Set.of(Impact.REVOKE)),
    REQUEST_DIRECTORY_CHANGE("RequestDirectoryChange", Kind.SUBSCRIPTION, Shape.MOVE, Field.TENANT, Set.of()),
    ACCEPT_DIRECTORY_CHANGE(
            "AcceptDirectoryChange", Kind.SUBSCRIPTION, Shape.MOVE, Field.TENANT, Set.of(Impact.TENANCY));

    /** The manifest fields entra steps come from. */
    private static final class Field {
        static final ManifestField DOMAINS = new ManifestField("/spec/domains", true);
        static final ManifestField GUESTS = new ManifestField("/spec/guests", true);
        static final ManifestField GLOBAL_ADMINISTRATORS = new ManifestField("/spec/globalAdministrators", true);
        static final ManifestField OWNERS = new ManifestField("/spec/owners", true);
        static final ManifestField TENANT = new ManifestField("/spec/tenant", false);
    }

    /** After the classic operations, so that the canonical order of shared steps does not change. */
    private static final int FIRST = 100;

    private final Spec spec;

    EntraOp(String wireName, Kind targetKind, Shape shape, ManifestField field, Set<Impact> impact) {
        this.spec = new Spec(wireName, targetKind, shape, field, impact);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Optional<Role> role() {
        return switch (this) {
            case ADD_OWNER, REMOVE_OWNER -> Optional.of(EntraRoles.OWNER);
            case ELEVATE_ACCESS, REMOVE_ELEVATED_ACCESS -> Optional.of(EntraRoles.ELEVATED_ACCESS);
            case INVITE_GUEST, REDEEM_INVITATION, REMOVE_GUEST -> Optional.of(EntraRoles.GUEST);
            case VERIFY_DOMAIN, REQUEST_DIRECTORY_CHANGE, ACCEPT_DIRECTORY_CHANGE -> Optional.empty();
        };
    }

    @Override
    public boolean removesSubject() {
        return this == REMOVE_GUEST || this == REMOVE_OWNER || this == REMOVE_ELEVATED_ACCESS;
    }

    @Override
    public int order() {
        return FIRST + ordinal();
    }

    /**
     * The guest's own redemption of its invitation, and the DNS TXT record that proves a domain is
     * the tenant's: no API of tenantctl's does either.
     */
    @Override
    public Optional<ExternalAction> external(Step step) {
        String tenant = step.target().name();
        return switch (this) {
            case REDEEM_INVITATION -> {
                String account = step.account().orElseThrow();
                yield Optional.of(new ExternalAction(
                        "redeem/" + tenant + "/" + Names.key(account),
                        account,
                        "redeem the invitation to Tenant/" + tenant + " (sign in and accept it)"));
            }
            case VERIFY_DOMAIN -> {
                String domain = step.domain().orElseThrow();
                yield Optional.of(new ExternalAction(
                        "dns/" + tenant + "/" + domain,
                        "the administrator of the DNS zone of " + domain,
                        "publish the TXT record that Tenant/" + tenant + " gives for verifying " + domain));
            }
            case INVITE_GUEST,
                    REMOVE_GUEST,
                    ELEVATE_ACCESS,
                    REMOVE_ELEVATED_ACCESS,
                    ADD_OWNER,
                    REMOVE_OWNER,
                    REQUEST_DIRECTORY_CHANGE,
                    ACCEPT_DIRECTORY_CHANGE -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return spec.wireName();
    }
}
