package io.tenantctl.step;

import io.tenantctl.model.Kind;
import java.util.Optional;
import java.util.Set;

/**
 * An operation a plan is made of. The vocabulary belongs to the profiles (the classic one is
 * {@code profile.classic.ClassicOp}; a later profile adds its own and reuses the ones that mean the
 * same); what the rest of tenantctl needs to know of any operation is here, as data: its name in
 * plans, the kind of object it acts on, the shape of its {@link Subject}, and the manifest field
 * that asks for it.
 */
public interface Op {

    /** What the operation is, as data: a value each operation holds, which the accessors below read. */
    Spec spec();

    /** The name in plans, JSON and history. */
    default String wireName() {
        return spec().wireName();
    }

    default Kind targetKind() {
        return spec().targetKind();
    }

    /** What a step of this operation carries besides its target. */
    default Subject.Shape shape() {
        return spec().shape();
    }

    /** Where in the target's manifest a step of this operation comes from, to locate what blocks it. */
    default ManifestField field() {
        return spec().field();
    }

    /** For a step about an account's role, the role it gives, takes away or names. */
    Optional<Role> role();

    /** True when the step takes its subject away from the target ({@code RemoveGlobalAdmin x from ...}). */
    boolean removesSubject();

    /** The position in its profile's vocabulary: steps of equal priority are ordered by it. */
    int order();

    /**
     * What a step of this operation does by itself, whatever its effects add (an {@code
     * AddGlobalAdmin} grants; a {@code DeleteTenant} deletes, and its effects revoke).
     */
    default Set<Impact> impact() {
        return spec().impact();
    }

    /**
     * What someone outside tenantctl must do for this step to happen, if anything (an invitation
     * redeemed by the guest itself, a DNS record published): an apply stops before such a step until
     * an operator confirms it was done.
     */
    default Optional<ExternalAction> external(Step step) {
        return Optional.empty();
    }

    /**
     * A field of a manifest: a JSON Pointer, and whether the step is about one entry of the list
     * there (an administrator, a domain) rather than the whole field.
     */
    record ManifestField(String pointer, boolean perEntry) {}

    /**
     * An operation's data: its name in plans, the kind of object it acts on, the shape of its
     * {@link Subject}, the manifest field that asks for it and what it does by itself.
     */
    record Spec(String wireName, Kind targetKind, Subject.Shape shape, ManifestField field, Set<Impact> impact) {

        public Spec {
            impact = Impact.setOf(impact);
        }
    }
}
