package io.tenantctl.profile.classic;

import io.tenantctl.diff.Change;
import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.StepCatalogue;
import io.tenantctl.rules.Scope;
import io.tenantctl.step.Op;
import io.tenantctl.step.Step;
import io.tenantctl.step.Subject;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Which steps a change needs in the classic world, when they are done, and what they touch. */
public final class ClassicSteps implements StepCatalogue {

    @Override
    public List<Op> operations() {
        return List.of(ClassicOp.values());
    }

    @Override
    public List<Step> steps(Change change, WorldView live, WorldView desired) {
        List<Step> steps = new ArrayList<>();
        switch (change.action()) {
            case CREATE -> created(change.after().orElseThrow(), desired, steps);
            case UPDATE -> updated(change.before().orElseThrow(), change.after().orElseThrow(), steps);
            case DELETE -> deleted(change.before().orElseThrow(), live, steps);
            case UNCHANGED, KEEP -> {
                // nothing to do
            }
        }
        return steps;
    }

    private static void created(WorldObject object, WorldView desired, List<Step> steps) {
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                // Any declared administrator that is a work account of the new tenant could sign up
                // for it; the planner picks one, and the sign-up creates that account.
                List<Account> signUp = new ArrayList<>();
                for (String admin : t.globalAdministrators()) {
                    desired.account(admin)
                            .filter(a -> a.isWorkOrSchool() && t.hasDomain(a.domain()))
                            .ifPresent(signUp::add);
                }
                steps.add(Step.signUp(ClassicOp.CREATE_TENANT, t, signUp));
                for (String admin : t.globalAdministrators()) {
                    steps.add(Step.forAccount(ClassicOp.ADD_GLOBAL_ADMIN, t.ref(), admin));
                }
            }
            case ACCOUNT -> steps.add(Step.withObject(ClassicOp.CREATE_ACCOUNT, object));
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                steps.add(Step.withObject(ClassicOp.CREATE_SUBSCRIPTION, s));
                if (s.isAzure()) {
                    if (!s.serviceAdministrator().equals(s.accountAdministrator())) {
                        steps.add(Step.forAccount(
                                ClassicOp.SET_SERVICE_ADMIN,
                                s.ref(),
                                s.serviceAdministrator().orElseThrow()));
                    }
                    for (String co : s.coAdministrators()) {
                        steps.add(Step.forAccount(ClassicOp.ADD_CO_ADMIN, s.ref(), co));
                    }
                }
            }
        }
    }

    private static void updated(WorldObject before, WorldObject after, List<Step> steps) {
        if (describedDifferently(before, after)) {
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
                for (String d : added(b.domains(), a.domains())) {
                    steps.add(Step.forDomain(ClassicOp.ADD_DOMAIN, a.ref(), d));
                }
                for (String d : added(a.domains(), b.domains())) {
                    steps.add(Step.forDomain(ClassicOp.REMOVE_DOMAIN, a.ref(), d));
                }
                for (String g : added(b.globalAdministrators(), a.globalAdministrators())) {
                    steps.add(Step.forAccount(ClassicOp.ADD_GLOBAL_ADMIN, a.ref(), g));
                }
                for (String g : added(a.globalAdministrators(), b.globalAdministrators())) {
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
                    steps.add(Step.move(ClassicOp.TRANSFER_SUBSCRIPTION, a.ref(), b.tenant(), a.tenant()));
                }
                if (!b.serviceAdministrator().equals(a.serviceAdministrator())
                        && a.serviceAdministrator().isPresent()) {
                    steps.add(Step.forAccount(
                            ClassicOp.SET_SERVICE_ADMIN,
                            a.ref(),
                            a.serviceAdministrator().get()));
                }
                for (String co : added(b.coAdministrators(), a.coAdministrators())) {
                    steps.add(Step.forAccount(ClassicOp.ADD_CO_ADMIN, a.ref(), co));
                }
                for (String co : added(a.coAdministrators(), b.coAdministrators())) {
                    steps.add(Step.forAccount(ClassicOp.REMOVE_CO_ADMIN, a.ref(), co));
                }
            }
        }
    }

    private static void deleted(WorldObject object, WorldView live, List<Step> steps) {
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                // The one who deletes it must be the only account left in it (DESIGN.md 1.2): every
                // other administrator is removed first. Which one stays is the planner's choice (it
                // must not be homed in the tenant); its own removal is then done by the deletion.
                for (String admin : t.globalAdministrators()) {
                    steps.add(Step.forAccount(ClassicOp.REMOVE_GLOBAL_ADMIN, t.ref(), admin));
                }
                steps.add(Step.of(ClassicOp.DELETE_TENANT, t.ref()));
            }
            case ACCOUNT -> steps.add(Step.of(ClassicOp.DELETE_ACCOUNT, object.ref()));
            case SUBSCRIPTION -> steps.add(Step.of(ClassicOp.DELETE_SUBSCRIPTION, object.ref()));
        }
    }

    /**
     * Whether an update step is needed: what it changes is the metadata and the display name (the
     * same in every profile).
     */
    public static boolean describedDifferently(WorldObject before, WorldObject after) {
        if (!before.metadata().equals(after.metadata())) {
            return true;
        }
        return switch (after.kind()) {
            case TENANT -> !((Tenant) before).displayName().equals(((Tenant) after).displayName());
            case ACCOUNT ->
                !((Account) before).displayName().equals(((Account) after).displayName())
                        // a sign-in name may change its letter case, never its letters
                        || !((Account) before).signInName().equals(((Account) after).signInName());
            case SUBSCRIPTION -> !((Subscription) before).displayName().equals(((Subscription) after).displayName());
        };
    }

    /** What {@code after} has that {@code before} has not, in order. */
    public static Set<String> added(Set<String> before, Set<String> after) {
        TreeSet<String> out = new TreeSet<>(after);
        out.removeAll(before);
        return out;
    }

    /**
     * Grants before revokes; a subscription's move before the co-administrators of its new tenant;
     * the contents of a container before the container on deletion. A tenant being deleted loses
     * its own work accounts as administrators first, and the administrators who could delete it
     * (not homed in it) only once its accounts are gone: the last of them deletes it.
     */
    @Override
    public int priority(Step step, WorldView live, WorldView desired) {
        return switch (ClassicOp.of(step)) {
            case CREATE_ACCOUNT ->
                step.object().map(o -> ((Account) o).isWorkOrSchool()).orElse(false) ? 2 : 0;
            case CREATE_TENANT, UPDATE_TENANT, ADD_DOMAIN, UPDATE_ACCOUNT -> 1;
            case ADD_GLOBAL_ADMIN -> 3;
            case CREATE_SUBSCRIPTION -> 4;
            case TRANSFER_SUBSCRIPTION -> 5;
            case SET_SERVICE_ADMIN, UPDATE_SUBSCRIPTION -> 6;
            case ADD_CO_ADMIN -> 7;
            case REMOVE_CO_ADMIN -> 8;
            case REMOVE_GLOBAL_ADMIN -> mayDelete(step, live, desired) ? 12 : 9;
            case DELETE_SUBSCRIPTION -> 10;
            case DELETE_ACCOUNT -> 11;
            case REMOVE_DOMAIN -> 12;
            case DELETE_TENANT -> 13;
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
        return switch (ClassicOp.of(step)) {
            case CREATE_TENANT -> world.tenant(name).isPresent();
            case CREATE_ACCOUNT -> world.accountNamed(name).isPresent();
            case CREATE_SUBSCRIPTION -> world.subscription(name).isPresent();
            case ADD_GLOBAL_ADMIN ->
                world.tenant(name)
                        .map(t -> t.globalAdministrators()
                                .contains(step.accountKey().orElseThrow()))
                        .orElse(false);
            case REMOVE_GLOBAL_ADMIN ->
                world.tenant(name)
                        .map(t -> !t.globalAdministrators()
                                .contains(step.accountKey().orElseThrow()))
                        .orElse(true);
            case ADD_DOMAIN ->
                world.tenant(name)
                        .map(t -> t.domains().contains(step.domain().orElseThrow()))
                        .orElse(false);
            case REMOVE_DOMAIN ->
                world.tenant(name)
                        .map(t -> !t.domains().contains(step.domain().orElseThrow()))
                        .orElse(true);
            case SET_SERVICE_ADMIN ->
                world.subscription(name)
                        .map(s -> s.serviceAdministrator().equals(step.accountKey()))
                        .orElse(false);
            case ADD_CO_ADMIN ->
                world.subscription(name)
                        .map(s ->
                                s.coAdministrators().contains(step.accountKey().orElseThrow()))
                        .orElse(false);
            case REMOVE_CO_ADMIN ->
                world.subscription(name)
                        .map(s ->
                                !s.coAdministrators().contains(step.accountKey().orElseThrow()))
                        .orElse(true);
            case TRANSFER_SUBSCRIPTION ->
                world.subscription(name)
                        .map(s -> s.tenant().equals(step.to().orElseThrow()))
                        .orElse(false);
            case UPDATE_TENANT,
                    UPDATE_ACCOUNT,
                    UPDATE_SUBSCRIPTION,
                    DELETE_TENANT,
                    DELETE_ACCOUNT,
                    DELETE_SUBSCRIPTION -> false;
        };
    }

    @Override
    public Step bind(Step step, Optional<String> actor, WorldView world) {
        if (step.op() != ClassicOp.CREATE_TENANT || actor.isEmpty()) {
            return step;
        }
        return signedUpBy(step, actor.get(), world);
    }

    /** A tenant's sign-up as done by its founder: the work account it creates, if any (every profile). */
    public static Step signedUpBy(Step step, String founder, WorldView world) {
        List<Account> signUp = world.account(founder).isPresent()
                ? List.of()
                : step.signUp().stream().filter(a -> a.key().equals(founder)).toList();
        return new Step(
                step.op(),
                step.target(),
                new Subject.SignUp((Tenant) step.object().orElseThrow(), signUp, Optional.of(founder)));
    }

    @Override
    public Scope scope(Step step, WorldView world) {
        return scopeOf(step, world);
    }

    /** What a classic operation's step changes, for any profile that shares the operation. */
    public static Scope scopeOf(Step step, WorldView world) {
        String name = step.target().name();
        Scope scope = Scope.of();
        switch (ClassicOp.of(step)) {
            case CREATE_TENANT -> {
                Tenant t = (Tenant) step.object().orElseThrow();
                scope.tenantChanged(name);
                t.allDomains().forEach(scope::domainChanged);
                step.signUp().forEach(a -> scope.accountChanged(a.key()));
                step.accountKey().ifPresent(scope::accountChanged);
            }
            case DELETE_TENANT -> {
                scope.tenantChanged(name);
                world.tenant(name).ifPresent(t -> t.allDomains().forEach(scope::domainChanged));
            }
            case ADD_DOMAIN, REMOVE_DOMAIN ->
                scope.tenant(name).domainChanged(step.domain().orElseThrow());
            case UPDATE_TENANT, ADD_GLOBAL_ADMIN, REMOVE_GLOBAL_ADMIN -> scope.tenant(name);
            case CREATE_ACCOUNT -> scope.accountChanged(((Account) step.object().orElseThrow()).key());
            case UPDATE_ACCOUNT, DELETE_ACCOUNT ->
                world.accountNamed(name).ifPresent(a -> scope.accountChanged(a.key()));
            case ADD_CO_ADMIN, REMOVE_CO_ADMIN ->
                scope.subscriptionMember(name, step.accountKey().orElseThrow());
            case CREATE_SUBSCRIPTION,
                    UPDATE_SUBSCRIPTION,
                    TRANSFER_SUBSCRIPTION,
                    SET_SERVICE_ADMIN,
                    DELETE_SUBSCRIPTION -> scope.subscription(name);
        }
        return scope.expand(world);
    }
}
