package io.tenantctl.profile.classic;

import io.tenantctl.diag.Codes;
import io.tenantctl.diff.Change;
import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.rules.Scope;
import io.tenantctl.step.Op;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Which steps a change needs in the classic world, when they are done, and what they touch. */
final class ClassicSteps {

    private ClassicSteps() {}

    static List<Step> forChange(Change change, WorldView live, WorldView desired) {
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
                steps.add(Step.withObject(Op.CREATE_TENANT, t).withSignUp(signUp));
                for (String admin : t.globalAdministrators()) {
                    steps.add(Step.forAccount(Op.ADD_GLOBAL_ADMIN, t.ref(), admin));
                }
            }
            case ACCOUNT -> steps.add(Step.withObject(Op.CREATE_ACCOUNT, object));
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                steps.add(Step.withObject(Op.CREATE_SUBSCRIPTION, s));
                if (s.isAzure()) {
                    if (!s.serviceAdministrator().equals(s.accountAdministrator())) {
                        steps.add(Step.forAccount(
                                Op.SET_SERVICE_ADMIN,
                                s.ref(),
                                s.serviceAdministrator().orElseThrow()));
                    }
                    for (String co : s.coAdministrators()) {
                        steps.add(Step.forAccount(Op.ADD_CO_ADMIN, s.ref(), co));
                    }
                }
            }
        }
    }

    private static void updated(WorldObject before, WorldObject after, List<Step> steps) {
        if (describedDifferently(before, after)) {
            Op op = switch (after.kind()) {
                case TENANT -> Op.UPDATE_TENANT;
                case ACCOUNT -> Op.UPDATE_ACCOUNT;
                case SUBSCRIPTION -> Op.UPDATE_SUBSCRIPTION;
            };
            steps.add(Step.withObject(op, after));
        }
        switch (after.kind()) {
            case TENANT -> {
                Tenant b = (Tenant) before;
                Tenant a = (Tenant) after;
                for (String d : added(b.domains(), a.domains())) {
                    steps.add(Step.forDomain(Op.ADD_DOMAIN, a.ref(), d));
                }
                for (String d : added(a.domains(), b.domains())) {
                    steps.add(Step.forDomain(Op.REMOVE_DOMAIN, a.ref(), d));
                }
                for (String g : added(b.globalAdministrators(), a.globalAdministrators())) {
                    steps.add(Step.forAccount(Op.ADD_GLOBAL_ADMIN, a.ref(), g));
                }
                for (String g : added(a.globalAdministrators(), b.globalAdministrators())) {
                    steps.add(Step.forAccount(Op.REMOVE_GLOBAL_ADMIN, a.ref(), g));
                }
            }
            case ACCOUNT -> {
                // type and sign-in name never change; the description step above covers the rest
            }
            case SUBSCRIPTION -> {
                Subscription b = (Subscription) before;
                Subscription a = (Subscription) after;
                if (!b.tenant().equals(a.tenant())) {
                    steps.add(Step.transfer(a.ref(), b.tenant(), a.tenant()));
                }
                if (!b.serviceAdministrator().equals(a.serviceAdministrator())
                        && a.serviceAdministrator().isPresent()) {
                    steps.add(Step.forAccount(
                            Op.SET_SERVICE_ADMIN,
                            a.ref(),
                            a.serviceAdministrator().get()));
                }
                for (String co : added(b.coAdministrators(), a.coAdministrators())) {
                    steps.add(Step.forAccount(Op.ADD_CO_ADMIN, a.ref(), co));
                }
                for (String co : added(a.coAdministrators(), b.coAdministrators())) {
                    steps.add(Step.forAccount(Op.REMOVE_CO_ADMIN, a.ref(), co));
                }
            }
        }
    }

    private static void deleted(WorldObject object, WorldView live, List<Step> steps) {
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                // Its own work accounts must go before it does, and they cannot go while they are
                // its administrators; a Microsoft account administrator stays to delete it.
                for (String admin : t.globalAdministrators()) {
                    live.account(admin)
                            .filter(a -> a.isWorkOrSchool() && t.hasDomain(a.domain()))
                            .ifPresent(a -> steps.add(Step.forAccount(Op.REMOVE_GLOBAL_ADMIN, t.ref(), admin)));
                }
                steps.add(Step.of(Op.DELETE_TENANT, t.ref()));
            }
            case ACCOUNT -> steps.add(Step.of(Op.DELETE_ACCOUNT, object.ref()));
            case SUBSCRIPTION -> steps.add(Step.of(Op.DELETE_SUBSCRIPTION, object.ref()));
        }
    }

    /** Whether an update step is needed: what it changes is the metadata and the display name. */
    private static boolean describedDifferently(WorldObject before, WorldObject after) {
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

    private static Set<String> added(Set<String> before, Set<String> after) {
        TreeSet<String> out = new TreeSet<>(after);
        out.removeAll(before);
        return out;
    }

    /**
     * Grants before revokes; a subscription's move before the co-administrators of its new tenant;
     * the contents of a container before the container on deletion.
     */
    static int priority(Step step) {
        return switch (step.op()) {
            case CREATE_ACCOUNT ->
                step.object().map(o -> ((Account) o).isWorkOrSchool()).orElse(false) ? 2 : 0;
            case CREATE_TENANT, UPDATE_TENANT, ADD_DOMAIN, UPDATE_ACCOUNT -> 1;
            case ADD_GLOBAL_ADMIN -> 3;
            case CREATE_SUBSCRIPTION -> 4;
            case TRANSFER_SUBSCRIPTION -> 5;
            case SET_SERVICE_ADMIN, UPDATE_SUBSCRIPTION -> 6;
            case ADD_CO_ADMIN -> 7;
            case REMOVE_CO_ADMIN -> 8;
            case REMOVE_GLOBAL_ADMIN -> 9;
            case DELETE_SUBSCRIPTION -> 10;
            case DELETE_ACCOUNT -> 11;
            case REMOVE_DOMAIN -> 12;
            case DELETE_TENANT -> 13;
        };
    }

    static boolean isDone(Step step, WorldView world) {
        String name = step.target().name();
        return switch (step.op()) {
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

    static Optional<Refusal> precondition(Step step, WorldView world) {
        ObjectRef target = step.target();
        Optional<WorldObject> current = world.get(target);
        switch (step.op()) {
            case CREATE_TENANT, CREATE_SUBSCRIPTION -> {
                if (current.isPresent()) {
                    return refuse(Codes.DUPLICATE_OBJECT, target + " already exists");
                }
                if (step.op() == Op.CREATE_SUBSCRIPTION) {
                    Subscription s = (Subscription) step.object().orElseThrow();
                    if (world.tenant(s.tenant()).isEmpty()) {
                        return refuse(Codes.UNKNOWN_REFERENCE, "Tenant/" + s.tenant() + " does not exist yet");
                    }
                    if (s.accountAdministrator().isPresent()
                            && world.account(s.accountAdministrator().get()).isEmpty()) {
                        return refuse(
                                Codes.UNKNOWN_REFERENCE,
                                "account administrator "
                                        + s.accountAdministrator().get() + " does not exist yet");
                    }
                }
                return Optional.empty();
            }
            case CREATE_ACCOUNT -> {
                Account a = (Account) step.object().orElseThrow();
                if (current.isPresent()) {
                    return refuse(Codes.DUPLICATE_OBJECT, target + " already exists");
                }
                Optional<Account> clash = world.account(a.key());
                if (clash.isPresent()) {
                    return refuse(
                            Codes.DUPLICATE_SIGN_IN_NAME,
                            "sign-in name " + a.signInName() + " is still used by "
                                    + clash.get().ref());
                }
                return Optional.empty();
            }
            default -> {
                // every other step acts on an existing object
            }
        }
        if (current.isEmpty()) {
            return refuse(Codes.UNKNOWN_REFERENCE, target + " does not exist at this point");
        }
        switch (step.op()) {
            case ADD_GLOBAL_ADMIN, ADD_CO_ADMIN, SET_SERVICE_ADMIN -> {
                String account = step.accountKey().orElseThrow();
                if (world.account(account).isEmpty()) {
                    return refuse(Codes.UNKNOWN_REFERENCE, "account " + account + " does not exist at this point");
                }
            }
            case REMOVE_DOMAIN -> {
                Tenant t = (Tenant) current.get();
                if (t.initialDomain().equals(step.domain().orElseThrow())) {
                    return refuse(
                            Codes.INITIAL_DOMAIN_IMMUTABLE, "the initial domain of " + target + " cannot be removed");
                }
            }
            case TRANSFER_SUBSCRIPTION -> {
                Subscription s = (Subscription) current.get();
                if (!s.isAzure()) {
                    return refuse(
                            Codes.OFFICE365_TRANSFER,
                            "Office 365 subscription " + target + " is bound to Tenant/" + s.tenant() + " for life");
                }
                if (world.tenant(step.to().orElseThrow()).isEmpty()) {
                    return refuse(Codes.UNKNOWN_REFERENCE, "Tenant/" + step.to().get() + " does not exist yet");
                }
            }
            case DELETE_TENANT -> {
                return tenantNotEmpty((Tenant) current.get(), world);
            }
            default -> {
                // no further precondition
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> tenantNotEmpty(Tenant tenant, WorldView world) {
        Set<String> subscriptions = new TreeSet<>(world.subscriptionsTrusting(tenant.name()));
        if (!subscriptions.isEmpty()) {
            return refuse(
                    Codes.TENANT_NOT_EMPTY,
                    tenant.ref() + " is still trusted by Subscription/" + String.join(", Subscription/", subscriptions)
                            + "; delete or move them first");
        }
        TreeSet<String> accounts = new TreeSet<>();
        for (String domain : tenant.allDomains()) {
            for (String key : world.accountsOnDomain(domain)) {
                world.account(key).filter(Account::isWorkOrSchool).ifPresent(a -> accounts.add(a.signInName()));
            }
        }
        if (!accounts.isEmpty()) {
            return refuse(
                    Codes.TENANT_NOT_EMPTY,
                    tenant.ref() + " still holds work or school accounts " + String.join(", ", accounts)
                            + "; delete them first");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    static Step bind(Step step, Optional<String> actor, WorldView world) {
        if (step.op() != Op.CREATE_TENANT || actor.isEmpty()) {
            return step;
        }
        String founder = actor.get();
        List<Account> signUp = world.account(founder).isPresent()
                ? List.of()
                : step.signUp().stream().filter(a -> a.key().equals(founder)).toList();
        return step.withAccount(founder).withSignUp(signUp);
    }

    static Scope scope(Step step, WorldView world) {
        String name = step.target().name();
        Scope scope = Scope.of();
        switch (step.op()) {
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
            case CREATE_SUBSCRIPTION,
                    UPDATE_SUBSCRIPTION,
                    TRANSFER_SUBSCRIPTION,
                    SET_SERVICE_ADMIN,
                    ADD_CO_ADMIN,
                    REMOVE_CO_ADMIN,
                    DELETE_SUBSCRIPTION -> scope.subscription(name);
        }
        return scope.expand(world);
    }
}
