package io.tenantctl.profile.entra;

import io.tenantctl.diag.Codes;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Preconditions;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.profile.classic.ClassicPreconditions;
import io.tenantctl.profile.classic.TenantNotEmpty;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold before each entra step, whoever does it. The steps shared with classic keep
 * classic's preconditions, except the deletion of a tenant (guests count as users here); the entra
 * steps need their objects, a pending invitation or request, and an offer that may change directory
 * (the rulebook's SUB-05).
 */
public final class EntraPreconditions implements Preconditions {

    /**
     * Offers that cannot change directory (SUB-05): CSP, Students and Imagine, Microsoft Internal.
     * The rulebook lists the offer names; the ids are Microsoft's offer ids for them.
     */
    static final Set<String> OFFERS_THAT_CANNOT_MOVE =
            Set.of("MS-AZR-0145P", "MS-AZR-0146P", "MS-AZR-159P", "MS-AZR-0144P", "MS-AZR-0015P");

    private final ClassicPreconditions classic = new ClassicPreconditions();

    @Override
    public Optional<Refusal> check(Step step, WorldView world) {
        if (step.op() instanceof ClassicOp op) {
            return switch (op) {
                case DELETE_TENANT ->
                    world.tenant(step.target().name())
                            .map(t -> tenantNotEmpty(t, world))
                            .orElseGet(() ->
                                    refuse(Codes.UNKNOWN_REFERENCE, step.target() + " does not exist at this point"));
                case CREATE_SUBSCRIPTION -> {
                    Subscription s = (Subscription) step.object().orElseThrow();
                    if (world.subscription(s.name()).isPresent()) {
                        yield refuse(Codes.DUPLICATE_OBJECT, s.ref() + " already exists");
                    }
                    if (world.tenant(s.tenant()).isEmpty()) {
                        yield refuse(Codes.UNKNOWN_REFERENCE, "Tenant/" + s.tenant() + " does not exist yet");
                    }
                    yield Optional.empty();
                }
                default -> classic.check(step, world);
            };
        }
        EntraOp op = (EntraOp) step.op();
        Optional<WorldObject> current = world.get(step.target());
        if (current.isEmpty()) {
            return refuse(Codes.UNKNOWN_REFERENCE, step.target() + " does not exist at this point");
        }
        switch (op) {
            case VERIFY_DOMAIN -> {
                Tenant t = (Tenant) current.get();
                String domain = step.domain().orElseThrow();
                if (!t.status().unverifiedDomains().contains(domain)) {
                    return refuse(
                            Codes.UNKNOWN_REFERENCE, domain + " has not been added to " + t.ref() + " at this point");
                }
            }
            case INVITE_GUEST, ADD_OWNER -> {
                String account = step.accountKey().orElseThrow();
                if (world.account(account).isEmpty()) {
                    return refuse(Codes.UNKNOWN_REFERENCE, "account " + account + " does not exist at this point");
                }
            }
            case REDEEM_INVITATION -> {
                Tenant t = (Tenant) current.get();
                String account = step.accountKey().orElseThrow();
                if (!t.status().pendingGuests().contains(account)) {
                    return refuse(
                            Codes.UNKNOWN_REFERENCE,
                            world.display(account) + " has no pending invitation to " + t.ref() + " at this point");
                }
            }
            case REQUEST_DIRECTORY_CHANGE -> {
                Subscription s = (Subscription) current.get();
                Optional<Refusal> cannot = cannotMove(s);
                if (cannot.isPresent()) {
                    return cannot;
                }
                if (world.tenant(step.to().orElseThrow()).isEmpty()) {
                    return refuse(Codes.UNKNOWN_REFERENCE, "Tenant/" + step.to().get() + " does not exist yet");
                }
            }
            case ACCEPT_DIRECTORY_CHANGE -> {
                Subscription s = (Subscription) current.get();
                boolean requested = s.status()
                        .pendingDirectoryChange()
                        .map(p -> p.tenant().equals(step.to().orElseThrow()))
                        .orElse(false);
                if (!requested) {
                    return refuse(
                            Codes.UNKNOWN_REFERENCE,
                            "no change of directory of " + s.ref() + " to Tenant/"
                                    + step.to().orElseThrow() + " has been requested at this point");
                }
            }
            case REMOVE_GUEST, ELEVATE_ACCESS, REMOVE_ELEVATED_ACCESS, REMOVE_OWNER -> {
                // the rules and the authority say the rest
            }
        }
        return Optional.empty();
    }

    /** SUB-05 and SUB-04: an Office 365 subscription, or an offer that cannot change directory. */
    private static Optional<Refusal> cannotMove(Subscription s) {
        if (!s.isAzure()) {
            return refuse(
                    Codes.OFFICE365_TRANSFER,
                    "Office 365 subscription " + s.ref() + " is bound to Tenant/" + s.tenant() + " for life");
        }
        if (s.offerId().filter(OFFERS_THAT_CANNOT_MOVE::contains).isPresent()) {
            return refuse(
                    Codes.OFFER_CANNOT_MOVE,
                    s.ref() + " has offer " + s.offerId().get() + ", which cannot change directory (CSP, Students"
                            + " and Imagine, and Microsoft Internal offers cannot)");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    /** Tenants deleted while still holding users or trusted, and subscriptions whose offer cannot move. */
    @Override
    public List<Violation> ofChanges(ChangeSet changes) {
        List<Violation> out = new ArrayList<>(TenantNotEmpty.ofChanges(changes));
        for (Change change : changes.changes()) {
            if (change.action() != ChangeAction.UPDATE || change.ref().kind() != Kind.SUBSCRIPTION) {
                continue;
            }
            Subscription before = (Subscription) change.before().orElseThrow();
            Subscription after = (Subscription) change.after().orElseThrow();
            if (before.tenant().equals(after.tenant()) || !before.isAzure()) {
                continue;
            }
            cannotMove(after)
                    .ifPresent(r -> out.add(
                            Violation.errorAt(r.code(), after.ref(), "/spec/tenant", after.tenant(), r.message())));
        }
        return out;
    }

    /**
     * {@code tenant-not-empty} in the entra world (DESIGN.md 8): no user but the deleting global
     * administrator remains, guests included.
     */
    private static Optional<Refusal> tenantNotEmpty(Tenant tenant, WorldView world) {
        TreeSet<String> users = new TreeSet<>(tenant.globalAdministrators());
        users.addAll(tenant.guests());
        return TenantNotEmpty.refusal(
                tenant,
                world,
                users,
                "users",
                "the global administrator who deletes it must be the only user left, so remove the others (guests"
                        + " included) first");
    }
}
