package io.tenantctl.profile.classic;

import io.tenantctl.model.Account;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Names;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.profile.AuthorityPolicy;
import io.tenantctl.profile.TemporaryGrant;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Holders;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may do each step in the classic world (DESIGN.md 1.2), at a given point of a plan, and in
 * which order they are preferred as its actor: the subscription's account administrator, then its
 * service administrator, then everyone else by sign-in name.
 */
public final class ClassicAuthority implements AuthorityPolicy {

    @Override
    public Authority of(Step step, WorldView world) {
        Authority authority = holders(step, world);
        ClassicOp op = ClassicOp.of(step);
        // The operation first: the holders of a co-administrator step are found as they are asked for.
        return op == ClassicOp.ADD_CO_ADMIN
                        || op == ClassicOp.REMOVE_CO_ADMIN
                        || authority.holders().size() <= 1
                ? authority
                : Authority.heldBy(authority.description(), preferred(step, authority.holders(), world));
    }

    /**
     * A global administrator of the tenant whose administrators may do the step, or the service
     * administrator of the subscription, whichever the step's authority is; for a transfer, either
     * a global administrator of the target for its service administrator, or the service
     * administrator role for a Microsoft account that administers the target.
     */
    @Override
    public List<TemporaryGrant> temporaryGrants(Step step, String account, WorldView world, WorldView desired) {
        Optional<Account> grantee = world.account(account);
        if (grantee.isEmpty()) {
            return List.of();
        }
        String name = step.target().name();
        return switch (ClassicOp.of(step)) {
            case UPDATE_TENANT, ADD_DOMAIN, REMOVE_DOMAIN, ADD_GLOBAL_ADMIN, REMOVE_GLOBAL_ADMIN, DELETE_TENANT ->
                globalAdministrator(name, grantee.get(), world);
            case CREATE_ACCOUNT, UPDATE_ACCOUNT, DELETE_ACCOUNT ->
                step.object()
                        .map(Account.class::cast)
                        .or(() -> world.accountNamed(name))
                        .flatMap(world::homeTenant)
                        .map(home -> globalAdministrator(home.name(), grantee.get(), world))
                        .orElse(List.of());
            case CREATE_SUBSCRIPTION -> {
                Subscription s = (Subscription) step.object().orElseThrow();
                yield !s.isAzure()
                                || s.accountAdministrator().map(account::equals).orElse(false)
                        ? globalAdministrator(s.tenant(), grantee.get(), world)
                        : List.of();
            }
            case UPDATE_SUBSCRIPTION, DELETE_SUBSCRIPTION ->
                world.subscription(name)
                        .map(s -> s.isAzure()
                                ? serviceAdministrator(s, account, desired)
                                : globalAdministrator(s.tenant(), grantee.get(), world))
                        .orElse(List.of());
            case ADD_CO_ADMIN, REMOVE_CO_ADMIN ->
                world.subscription(name)
                        .map(s -> serviceAdministrator(s, account, desired))
                        .orElse(List.of());
            case TRANSFER_SUBSCRIPTION -> {
                Subscription s = world.subscription(name).orElse(null);
                String to = step.to().orElseThrow();
                if (s == null || !grantee.get().isMicrosoftAccount()) {
                    yield List.of();
                }
                boolean administers = world.tenant(to)
                        .map(t -> t.globalAdministrators().contains(account))
                        .orElse(false);
                yield s.serviceAdministrator().map(account::equals).orElse(false)
                        ? globalAdministrator(to, grantee.get(), world)
                        : administers ? serviceAdministrator(s, account, desired) : List.of();
            }
            case CREATE_TENANT, SET_SERVICE_ADMIN -> List.of();
        };
    }

    private static List<TemporaryGrant> globalAdministrator(String tenant, Account account, WorldView world) {
        Tenant t = world.tenant(tenant).orElse(null);
        if (t == null
                || t.globalAdministrators().contains(account.key())
                || (account.isWorkOrSchool() && !world.isHomedIn(account, tenant))) {
            return List.of();
        }
        return List.of(new TemporaryGrant(
                account.key(),
                ClassicRoles.GLOBAL_ADMINISTRATOR,
                t.ref(),
                Step.forAccount(ClassicOp.ADD_GLOBAL_ADMIN, t.ref(), account.key()),
                Step.forAccount(ClassicOp.REMOVE_GLOBAL_ADMIN, t.ref(), account.key())));
    }

    /** The service administrator role for a while; taken back to the one the manifests want at the end. */
    private static List<TemporaryGrant> serviceAdministrator(Subscription s, String account, WorldView desired) {
        Optional<String> end = desired.subscription(s.name())
                .flatMap(Subscription::serviceAdministrator)
                .or(s::serviceAdministrator);
        if (!s.isAzure()
                || end.isEmpty()
                || s.serviceAdministrator().map(account::equals).orElse(false)
                || end.get().equals(account)) {
            return List.of();
        }
        return List.of(new TemporaryGrant(
                account,
                ClassicRoles.SERVICE_ADMINISTRATOR,
                s.ref(),
                Step.forAccount(ClassicOp.SET_SERVICE_ADMIN, s.ref(), account),
                Step.forAccount(ClassicOp.SET_SERVICE_ADMIN, s.ref(), end.get())));
    }

    /** The holders in the order of DESIGN.md 1.2. */
    private static List<String> preferred(Step step, List<String> holders, WorldView world) {
        List<String> ordered = new ArrayList<>(holders.size());
        Optional<Subscription> subscription = step.op().targetKind() == Kind.SUBSCRIPTION
                ? world.subscription(step.target().name())
                : Optional.empty();
        subscription
                .flatMap(Subscription::accountAdministrator)
                .filter(holders::contains)
                .ifPresent(ordered::add);
        subscription
                .flatMap(Subscription::serviceAdministrator)
                .filter(holders::contains)
                .filter(sa -> !ordered.contains(sa))
                .ifPresent(ordered::add);
        List<String> rest = new ArrayList<>(holders);
        rest.removeAll(ordered);
        rest.sort(null);
        for (String holder : rest) {
            if (ordered.isEmpty() || !ordered.get(ordered.size() - 1).equals(holder)) {
                ordered.add(holder);
            }
        }
        return ordered;
    }

    private static Authority holders(Step step, WorldView world) {
        String name = step.target().name();
        return switch (ClassicOp.of(step)) {
            case CREATE_TENANT -> signUp(step, world);
            case UPDATE_TENANT, ADD_DOMAIN, ADD_GLOBAL_ADMIN ->
                globalAdmins(world, name, "global administrator of Tenant/" + name, a -> true);
            case REMOVE_DOMAIN -> {
                String domain = step.domain().orElseThrow();
                yield globalAdmins(
                        world,
                        name,
                        "global administrator of Tenant/" + name + " not signed in on " + domain,
                        a -> !Names.domainOf(a).equals(domain));
            }
            case REMOVE_GLOBAL_ADMIN -> {
                String removed = step.accountKey().orElseThrow();
                yield globalAdmins(
                        world,
                        name,
                        "global administrator of Tenant/" + name + " other than " + world.display(removed),
                        a -> !a.equals(removed));
            }
            case DELETE_TENANT ->
                globalAdmins(
                        world,
                        name,
                        "global administrator of Tenant/" + name + " who is not homed in it",
                        a -> world.account(a)
                                .map(acc -> !world.isHomedIn(acc, name))
                                .orElse(false));
            case CREATE_ACCOUNT, UPDATE_ACCOUNT, DELETE_ACCOUNT -> account(step, world);
            case CREATE_SUBSCRIPTION ->
                createSubscription((Subscription) step.object().orElseThrow(), world);
            case UPDATE_SUBSCRIPTION ->
                subscription(world, name, (s, holders) -> {
                    if (!s.isAzure()) {
                        return globalAdmins(
                                world, s.tenant(), "global administrator of Tenant/" + s.tenant(), a -> true);
                    }
                    s.serviceAdministrator().ifPresent(holders::add);
                    return Authority.heldBy("service administrator of " + s.ref(), existing(world, holders));
                });
            case TRANSFER_SUBSCRIPTION ->
                subscription(world, name, (s, holders) -> {
                    String to = step.to().orElseThrow();
                    s.serviceAdministrator()
                            .flatMap(world::account)
                            .filter(Account::isMicrosoftAccount)
                            .filter(a -> world.tenant(to)
                                    .map(t -> t.globalAdministrators().contains(a.key()))
                                    .orElse(false))
                            .ifPresent(a -> holders.add(a.key()));
                    return Authority.heldBy(
                            "service administrator of " + s.ref() + ", signed in with a Microsoft account"
                                    + " that is a global administrator of Tenant/" + to,
                            holders);
                });
            case SET_SERVICE_ADMIN ->
                subscription(world, name, (s, holders) -> {
                    s.accountAdministrator().ifPresent(holders::add);
                    return Authority.heldBy("account administrator of " + s.ref(), existing(world, holders));
                });
            case ADD_CO_ADMIN, REMOVE_CO_ADMIN ->
                subscription(
                        world,
                        name,
                        (s, holders) -> Authority.heldBy(
                                "service administrator or co-administrator of " + s.ref(), coAdministration(s, world)));
            case DELETE_SUBSCRIPTION ->
                subscription(world, name, (s, holders) -> {
                    if (!s.isAzure()) {
                        return globalAdmins(
                                world, s.tenant(), "global administrator of Tenant/" + s.tenant(), a -> true);
                    }
                    s.serviceAdministrator().ifPresent(holders::add);
                    s.accountAdministrator().filter(a -> !holders.contains(a)).ifPresent(holders::add);
                    return Authority.heldBy(
                            "service administrator or account administrator of " + s.ref(), existing(world, holders));
                });
        };
    }

    /**
     * Signing up for a new tenant: any of its declared administrators that exists as a Microsoft
     * account, or that is a work account of the new tenant and is created by the sign-up itself.
     */
    private static Authority signUp(Step step, WorldView world) {
        Tenant t = (Tenant) step.object().orElseThrow();
        List<String> holders = new ArrayList<>();
        for (String admin : t.globalAdministrators()) {
            Optional<Account> existing = world.account(admin);
            if (existing.isPresent()) {
                if (existing.get().isMicrosoftAccount()) {
                    holders.add(admin);
                }
            } else if (step.signUp().stream().anyMatch(a -> a.key().equals(admin))) {
                holders.add(admin);
            }
        }
        return Authority.heldBy("a declared global administrator of " + t.ref() + " signing up for it", holders);
    }

    private static Authority account(Step step, WorldView world) {
        Account account = step.object()
                .map(Account.class::cast)
                .or(() -> world.accountNamed(step.target().name()))
                .orElse(null);
        if (account == null) {
            return Authority.heldBy("global administrator of the account's home tenant", List.of());
        }
        if (account.isMicrosoftAccount()) {
            return Authority.anyone("nobody in particular: it registers or forgets an outside identity");
        }
        Optional<Tenant> home = world.homeTenant(account);
        if (home.isEmpty()) {
            return Authority.heldBy("global administrator of the tenant that owns " + account.domain(), List.of());
        }
        boolean deleting = step.op() == ClassicOp.DELETE_ACCOUNT;
        return globalAdmins(
                world,
                home.get().name(),
                "global administrator of " + home.get().ref() + (deleting ? " other than the account itself" : ""),
                a -> !deleting || !a.equals(account.key()));
    }

    private static Authority createSubscription(Subscription s, WorldView world) {
        if (!s.isAzure()) {
            return globalAdmins(world, s.tenant(), "global administrator of Tenant/" + s.tenant(), a -> true);
        }
        String aa = s.accountAdministrator().orElseThrow();
        String description = "its account administrator " + world.display(aa)
                + ", being a global administrator of or homed in Tenant/" + s.tenant();
        Optional<Account> account = world.account(aa);
        boolean allowed = account.isPresent()
                && (world.tenant(s.tenant())
                                .map(t -> t.globalAdministrators().contains(aa))
                                .orElse(false)
                        || world.isHomedIn(account.get(), s.tenant()));
        return Authority.heldBy(description, allowed ? List.of(aa) : List.of());
    }

    /** The global administrators of a tenant that exist and pass the filter (every profile's). */
    public static Authority globalAdmins(WorldView world, String tenant, String description, Predicate<String> filter) {
        List<String> holders = new ArrayList<>();
        Tenant t = world.tenant(tenant).orElse(null);
        if (t != null) {
            for (String admin : t.globalAdministrators()) {
                if (world.account(admin).isPresent() && filter.test(admin)) {
                    holders.add(admin);
                }
            }
        }
        return Authority.heldBy(description, holders);
    }

    /** Authority over an existing subscription, derived from its current roles. */
    private interface FromSubscription {
        Authority derive(Subscription subscription, List<String> holders);
    }

    private static Authority subscription(WorldView world, String name, FromSubscription derive) {
        return world.subscription(name)
                .map(s -> derive.derive(s, new ArrayList<>()))
                .orElse(Authority.heldBy("an administrator of Subscription/" + name, List.of()));
    }

    /**
     * The service administrator and the co-administrators that exist, already in the order of
     * {@link #preferred}: the account administrator if it holds either role, the service
     * administrator, then the co-administrators in order of sign-in name (a subscription's set is in
     * that order). The co-administrators are looked up only as far as they are asked for: these
     * steps come by the hundred on one subscription, and most are done by the first holder.
     */
    private static List<String> coAdministration(Subscription s, WorldView world) {
        List<String> lead = new ArrayList<>(2);
        Optional<String> sa =
                s.serviceAdministrator().filter(a -> world.account(a).isPresent());
        s.accountAdministrator()
                .filter(aa -> sa.map(aa::equals).orElse(false)
                        || (s.coAdministrators().contains(aa)
                                && world.account(aa).isPresent()))
                .ifPresent(lead::add);
        sa.filter(a -> lead.isEmpty() || !lead.get(0).equals(a)).ifPresent(lead::add);
        return new Holders(
                lead,
                s.coAdministrators().iterator(),
                co -> !lead.contains(co) && world.account(co).isPresent());
    }

    private static List<String> existing(WorldView world, Collection<String> keys) {
        List<String> out = new ArrayList<>(keys.size());
        // A set to drop repeats: a subscription's 200 co-administrators made a list's contains quadratic.
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (world.account(key).isPresent() && seen.add(key)) {
                out.add(key);
            }
        }
        return out;
    }
}
