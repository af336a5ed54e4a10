package io.tenantctl.profile.entra;

import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.model.Account;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.StepCatalogue;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.profile.classic.ClassicSteps;
import io.tenantctl.rules.Scope;
import io.tenantctl.step.Op;
import io.tenantctl.step.Step;
import io.tenantctl.step.Subject;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which steps a change needs in the entra world, when they are done, and what they touch. A guest
 * is invited and then redeems; a custom domain is added and then verified; a change of directory
 * is requested by an owner and accepted in the target; owners are role assignments.
 */
public final class EntraSteps implements StepCatalogue {

    /** The classic operations that mean the same here, then the entra ones. */
    static final List<Op> OPERATIONS = vocabulary();

    private static List<Op> vocabulary() {
        List<Op> out = new ArrayList<>();
        for (ClassicOp op : ClassicOp.values()) {
            switch (op) {
                case SET_SERVICE_ADMIN, ADD_CO_ADMIN, REMOVE_CO_ADMIN, TRANSFER_SUBSCRIPTION -> {
                    // retired with the classic administrators
                }
                default -> out.add(op);
            }
        }
        out.addAll(List.of(EntraOp.values()));
        return List.copyOf(out);
    }

    @Override
    public List<Op> operations() {
        return OPERATIONS;
    }

    @Override
    public List<Step> steps(Change change, WorldView live, WorldView desired) {
        List<Step> steps = new ArrayList<>();
        switch (change.action()) {
            case CREATE -> created(change.after().orElseThrow(), desired, steps);
            case UPDATE -> updated(change.before().orElseThrow(), change.after().orElseThrow(), steps);
            case DELETE -> deleted(change.before().orElseThrow(), steps);
            case UNCHANGED, KEEP -> {
                // nothing to do for the spec; a pending redemption below
            }
        }
        if (change.action() == ChangeAction.UPDATE || change.action() == ChangeAction.UNCHANGED) {
            redemptions(change, steps);
        }
        return steps;
    }

    /**
     * A guest the manifests want that is still pending in the live tenant (an earlier apply invited
     * it and waits for its redemption): the spec is as wanted, and the redemption still to happen.
     */
    private static void redemptions(Change change, List<Step> steps) {
        if (change.ref().kind() != Kind.TENANT) {
            return;
        }
        Tenant live = (Tenant) change.before().orElseThrow();
        Tenant want = (Tenant) change.after().orElseThrow();
        for (String guest : live.status().pendingGuests()) {
            if (want.guests().contains(guest)) {
                steps.add(Step.forAccount(EntraOp.REDEEM_INVITATION, want.ref(), guest));
            }
        }
    }

    private static void created(WorldObject object, WorldView desired, List<Step> steps) {
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                // Any declared administrator could sign up for it: a work account of the new tenant
                // is created by doing so; any other account becomes its first, accepted, guest.
                List<Account> signUp = new ArrayList<>();
                for (String admin : t.globalAdministrators()) {
                    desired.account(admin)
                            .filter(a -> a.isWorkOrSchool() && t.hasDomain(a.domain()))
                            .ifPresent(signUp::add);
                }
                steps.add(Step.signUp(ClassicOp.CREATE_TENANT, t, signUp));
                // Signed up with its declared domains (as classic's sign-up does); what a later
                // change adds is added and verified step by step.
                Tenant empty = t.withGuests(new TreeSet<>()).withGlobalAdministrators(new TreeSet<>());
                updated(empty, t, steps);
            }
            case ACCOUNT -> steps.add(Step.withObject(ClassicOp.CREATE_ACCOUNT, object));
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                steps.add(Step.withObject(ClassicOp.CREATE_SUBSCRIPTION, s));
                for (String owner : s.owners()) {
                    steps.add(Step.forAccount(EntraOp.ADD_OWNER, s.ref(), owner));
                }
            }
        }
    }

    private static void updated(WorldObject before, WorldObject after, List<Step> steps) {
        if (before.kind() != after.kind()) {
            throw new IllegalArgumentException(before.ref() + " and " + after.ref());
        }
        if (ClassicSteps.describedDifferently(before, after)) {
            ClassicOp op = switch (after.kind()) {
                case TENANT -> ClassicOp.UPDATE_TENANT;
                case ACCOUNT -> ClassicOp.UPDATE_ACCOUNT;
                case SUBSCRIPTION -> ClassicOp.UPDATE_SUBSCRIPTION;
            };
            steps.add(Step.withObject(op, after));
        }
        switch (after.kind()) {
            case TENANT -> {
                Tenant b = (Tenant) before;
                Tenant a = (Tenant) after;
                for (String d : ClassicSteps.added(b.domains(), a.domains())) {
                    steps.add(Step.forDomain(ClassicOp.ADD_DOMAIN, a.ref(), d));
                    steps.add(Step.forDomain(EntraOp.VERIFY_DOMAIN, a.ref(), d));
                }
                for (String d : ClassicSteps.added(a.domains(), b.domains())) {
                    steps.add(Step.forDomain(ClassicOp.REMOVE_DOMAIN, a.ref(), d));
                }
                for (String g : ClassicSteps.added(b.guests(), a.guests())) {
                    steps.add(Step.forAccount(EntraOp.INVITE_GUEST, a.ref(), g));
                    steps.add(Step.forAccount(EntraOp.REDEEM_INVITATION, a.ref(), g));
                }
                for (String g : ClassicSteps.added(a.guests(), b.guests())) {
                    steps.add(Step.forAccount(EntraOp.REMOVE_GUEST, a.ref(), g));
                }
                for (String g : ClassicSteps.added(b.globalAdministrators(), a.globalAdministrators())) {
                    steps.add(Step.forAccount(ClassicOp.ADD_GLOBAL_ADMIN, a.ref(), g));
                }
                for (String g : ClassicSteps.added(a.globalAdministrators(), b.globalAdministrators())) {
                    steps.add(Step.forAccount(ClassicOp.REMOVE_GLOBAL_ADMIN, a.ref(), g));
                }
            }
            case ACCOUNT -> {
                // type and sign-in name never change; the description step above covers the rest
            }
            case SUBSCRIPTION -> {
                Subscription b = (Subscription) before;
                Subscription a = (Subscription) after;
                if (!b.tenant().equals(a.tenant())) {
                    steps.add(Step.move(EntraOp.REQUEST_DIRECTORY_CHANGE, a.ref(), b.tenant(), a.tenant()));
                    steps.add(Step.move(EntraOp.ACCEPT_DIRECTORY_CHANGE, a.ref(), b.tenant(), a.tenant()));
                }
                for (String o : ClassicSteps.added(b.owners(), a.owners())) {
                    steps.add(Step.forAccount(EntraOp.ADD_OWNER, a.ref(), o));
                }
                for (String o : ClassicSteps.added(a.owners(), b.owners())) {
                    steps.add(Step.forAccount(EntraOp.REMOVE_OWNER, a.ref(), o));
                }
            }
        }
    }

    private static void deleted(WorldObject object, List<Step> steps) {
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                // As in classic, the one who deletes it must be the only user left: every other
                // administrator and guest goes first; the deleter's own role and guest object go
                // with the tenant (the steps that would remove them are then done).
                for (String admin : t.globalAdministrators()) {
                    steps.add(Step.forAccount(ClassicOp.REMOVE_GLOBAL_ADMIN, t.ref(), admin));
                }
                for (String guest : t.guests()) {
                    steps.add(Step.forAccount(EntraOp.REMOVE_GUEST, t.ref(), guest));
                }
                steps.add(Step.of(ClassicOp.DELETE_TENANT, t.ref()));
            }
            case ACCOUNT -> steps.add(Step.of(ClassicOp.DELETE_ACCOUNT, object.ref()));
            case SUBSCRIPTION -> steps.add(Step.of(ClassicOp.DELETE_SUBSCRIPTION, object.ref()));
        }
    }

    /**
     * Accounts, tenants and their domains first; guests before the roles they are to hold; a move
     * before the owners it wipes are given again; grants before revokes; contents before containers
     * on deletion.
     */
    @Override
    public int priority(Step step, WorldView live, WorldView desired) {
        if (step.op() instanceof EntraOp op) {
            return switch (op) {
                case VERIFY_DOMAIN -> 1;
                case INVITE_GUEST, REDEEM_INVITATION -> 2;
                case ELEVATE_ACCESS -> 4;
                case REQUEST_DIRECTORY_CHANGE, ACCEPT_DIRECTORY_CHANGE -> 5;
                case ADD_OWNER -> 7;
                case REMOVE_OWNER -> 8;
                case REMOVE_GUEST -> 10;
                case REMOVE_ELEVATED_ACCESS -> 14;
            };
        }
        return switch ((ClassicOp) step.op()) {
            case CREATE_ACCOUNT ->
                step.object().map(o -> ((Account) o).isWorkOrSchool()).orElse(false) ? 2 : 0;
            case CREATE_TENANT, UPDATE_TENANT, ADD_DOMAIN, UPDATE_ACCOUNT -> 1;
            case ADD_GLOBAL_ADMIN -> 3;
            case CREATE_SUBSCRIPTION -> 4;
            case UPDATE_SUBSCRIPTION -> 6;
            case REMOVE_GLOBAL_ADMIN -> mayDelete(step, live, desired) ? 12 : 9;
            case DELETE_SUBSCRIPTION -> 10;
            case DELETE_ACCOUNT -> 11;
            case REMOVE_DOMAIN -> 12;
            case DELETE_TENANT -> 13;
            case SET_SERVICE_ADMIN, ADD_CO_ADMIN, REMOVE_CO_ADMIN, TRANSFER_SUBSCRIPTION -> 6;
        };
    }

    /** Whether the step removes, from a tenant being deleted, an administrator who could delete it. */
    private static boolean mayDelete(Step step, WorldView live, WorldView desired) {
        String tenant = step.target().name();
        return desired.tenant(tenant).isEmpty()
                && live.account(step.accountKey().orElseThrow())
                        .map(a -> !live.isHomedIn(a, tenant))
                        .orElse(false);
    }

    @Override
    public boolean isDone(Step step, WorldView world) {
        String name = step.target().name();
        Optional<Tenant> tenant = step.op().targetKind() == Kind.TENANT ? world.tenant(name) : Optional.empty();
        Optional<Subscription> subscription =
                step.op().targetKind() == Kind.SUBSCRIPTION ? world.subscription(name) : Optional.empty();
        String account = step.accountKey().orElse("");
        if (step.op() instanceof EntraOp op) {
            return switch (op) {
                case VERIFY_DOMAIN ->
                    tenant.map(t -> t.domains().contains(step.domain().orElseThrow()))
                            .orElse(false);
                case INVITE_GUEST ->
                    tenant.map(t -> t.guests().contains(account)).orElse(false);
                case REDEEM_INVITATION ->
                    tenant.map(t -> t.hasAcceptedGuest(account)).orElse(false);
                case REMOVE_GUEST ->
                    tenant.map(t -> !t.guests().contains(account)).orElse(true);
                case ELEVATE_ACCESS ->
                    tenant.map(t -> t.status().elevated().contains(account)).orElse(false);
                case REMOVE_ELEVATED_ACCESS ->
                    tenant.map(t -> !t.status().elevated().contains(account)).orElse(true);
                case ADD_OWNER ->
                    subscription.map(s -> s.owners().contains(account)).orElse(false);
                case REMOVE_OWNER ->
                    subscription.map(s -> !s.owners().contains(account)).orElse(true);
                case REQUEST_DIRECTORY_CHANGE ->
                    subscription
                            .map(s -> s.tenant().equals(step.to().orElseThrow())
                                    || s.status()
                                            .pendingDirectoryChange()
                                            .map(p ->
                                                    p.tenant().equals(step.to().get()))
                                            .orElse(false))
                            .orElse(false);
                case ACCEPT_DIRECTORY_CHANGE ->
                    subscription
                            .map(s -> s.tenant().equals(step.to().orElseThrow()))
                            .orElse(false);
            };
        }
        return switch ((ClassicOp) step.op()) {
            case CREATE_TENANT -> tenant.isPresent();
            case CREATE_ACCOUNT -> world.accountNamed(name).isPresent();
            case CREATE_SUBSCRIPTION -> subscription.isPresent();
            case ADD_GLOBAL_ADMIN ->
                tenant.map(t -> t.globalAdministrators().contains(account)).orElse(false);
            case REMOVE_GLOBAL_ADMIN ->
                tenant.map(t -> !t.globalAdministrators().contains(account)).orElse(true);
            case ADD_DOMAIN ->
                tenant.map(t -> t.domains().contains(step.domain().orElseThrow())
                                || t.status()
                                        .unverifiedDomains()
                                        .contains(step.domain().get()))
                        .orElse(false);
            case REMOVE_DOMAIN ->
                tenant.map(t -> !t.domains().contains(step.domain().orElseThrow())
                                && !t.status()
                                        .unverifiedDomains()
                                        .contains(step.domain().get()))
                        .orElse(true);
            case UPDATE_TENANT,
                    UPDATE_ACCOUNT,
                    UPDATE_SUBSCRIPTION,
                    DELETE_TENANT,
                    DELETE_ACCOUNT,
                    DELETE_SUBSCRIPTION,
                    SET_SERVICE_ADMIN,
                    ADD_CO_ADMIN,
                    REMOVE_CO_ADMIN,
                    TRANSFER_SUBSCRIPTION -> false;
        };
    }

    /**
     * The step as done by this actor: a tenant's sign-up records who signed up (as in classic); a
     * subscription is created with its creator as its first owner; a change of directory records who
     * requested it and who accepted it (who becomes the owner).
     */
    @Override
    public Step bind(Step step, Optional<String> actor, WorldView world) {
        if (actor.isEmpty()) {
            return step;
        }
        String who = actor.get();
        if (step.op() == ClassicOp.CREATE_TENANT) {
            return ClassicSteps.signedUpBy(step, who, world);
        }
        if (step.op() == EntraOp.REQUEST_DIRECTORY_CHANGE || step.op() == EntraOp.ACCEPT_DIRECTORY_CHANGE) {
            return new Step(
                    step.op(),
                    step.target(),
                    new Subject.Move(step.from().orElseThrow(), step.to().orElseThrow(), Optional.of(who)));
        }
        if (step.op() == ClassicOp.CREATE_SUBSCRIPTION) {
            Subscription s = (Subscription) step.object().orElseThrow();
            if (s.isAzure()) {
                return Step.withObject(ClassicOp.CREATE_SUBSCRIPTION, s.withOwners(new TreeSet<>(List.of(who))));
            }
        }
        return step;
    }

    @Override
    public Scope scope(Step step, WorldView world) {
        String name = step.target().name();
        Scope scope = Scope.of();
        if (step.op() instanceof EntraOp op) {
            switch (op) {
                case VERIFY_DOMAIN ->
                    scope.tenant(name).domainChanged(step.domain().orElseThrow());
                case INVITE_GUEST, REDEEM_INVITATION, REMOVE_GUEST, ELEVATE_ACCESS, REMOVE_ELEVATED_ACCESS -> {
                    scope.tenant(name);
                    scope.account(step.accountKey().orElseThrow());
                    world.subscriptionsTrusting(name).forEach(scope::subscription);
                }
                case ADD_OWNER, REMOVE_OWNER, REQUEST_DIRECTORY_CHANGE, ACCEPT_DIRECTORY_CHANGE ->
                    scope.subscription(name);
            }
            return scope.expand(world);
        }
        return ClassicSteps.scopeOf(step, world);
    }
}
