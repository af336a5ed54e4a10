package io.tenantctl.profile.entra;

import io.tenantctl.model.Names;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.profile.AuthorityPolicy;
import io.tenantctl.profile.TemporaryGrant;
import io.tenantctl.profile.classic.ClassicAuthority;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may do each step in the entra world (DESIGN.md 8, the rulebook's authorization matrix), in
 * order of preference: owners by sign-in name before global administrators with elevated access;
 * the requester of a change of directory first among those who may accept it. Accounts are
 * classic's business.
 */
public final class EntraAuthority implements AuthorityPolicy {

    private final ClassicAuthority classic = new ClassicAuthority();

    @Override
    public Authority of(Step step, WorldView world) {
        String name = step.target().name();
        if (step.op() instanceof EntraOp op) {
            return switch (op) {
                case VERIFY_DOMAIN, INVITE_GUEST ->
                    ClassicAuthority.globalAdmins(world, name, "global administrator of Tenant/" + name, a -> true);
                case REMOVE_GUEST -> {
                    String guest = step.accountKey().orElseThrow();
                    yield ClassicAuthority.globalAdmins(
                            world,
                            name,
                            "global administrator of Tenant/" + name + " other than " + world.display(guest),
                            a -> !a.equals(guest));
                }
                case REDEEM_INVITATION ->
                    Authority.anyone("the invited account "
                            + world.display(step.accountKey().orElseThrow()) + " itself, outside tenantctl");
                case ELEVATE_ACCESS -> {
                    String who = step.accountKey().orElseThrow();
                    yield ClassicAuthority.globalAdmins(
                            world,
                            name,
                            "global administrator " + world.display(who) + " of Tenant/" + name
                                    + ", signed in as a person",
                            who::equals);
                }
                case REMOVE_ELEVATED_ACCESS -> {
                    String who = step.accountKey().orElseThrow();
                    boolean elevated = world.tenant(name)
                            .map(t -> t.status().elevated().contains(who))
                            .orElse(false);
                    yield Authority.heldBy(
                            world.display(who) + ", whose access to Tenant/" + name + " is elevated",
                            elevated && world.account(who).isPresent() ? List.of(who) : List.of());
                }
                case ADD_OWNER, REMOVE_OWNER -> roleManagers(world, name);
                case REQUEST_DIRECTORY_CHANGE ->
                    // TRN-09 (2026): any owner in the source directory requests; being a user of the
                    // target too (TRN-03's older prerequisite) is no longer needed.
                    owners(world, name, "owner of Subscription/" + name, a -> true);
                case ACCEPT_DIRECTORY_CHANGE -> accept(step, world);
            };
        }
        ClassicOp op = (ClassicOp) step.op();
        return switch (op) {
            case CREATE_TENANT -> signUp(step, world);
            case UPDATE_TENANT, ADD_DOMAIN, ADD_GLOBAL_ADMIN ->
                ClassicAuthority.globalAdmins(world, name, "global administrator of Tenant/" + name, a -> true);
            case REMOVE_DOMAIN, REMOVE_GLOBAL_ADMIN, CREATE_ACCOUNT, UPDATE_ACCOUNT, DELETE_ACCOUNT ->
                classic.of(step, world);
            case DELETE_TENANT ->
                ClassicAuthority.globalAdmins(
                        world, name, "global administrator of Tenant/" + name + ", the only user left", a -> true);
            case CREATE_SUBSCRIPTION ->
                createSubscription((Subscription) step.object().orElseThrow(), world);
            case UPDATE_SUBSCRIPTION, DELETE_SUBSCRIPTION ->
                world.subscription(name)
                        .map(s -> s.isAzure()
                                ? owners(world, name, "owner of Subscription/" + name, a -> true)
                                : ClassicAuthority.globalAdmins(
                                        world, s.tenant(), "global administrator of Tenant/" + s.tenant(), a -> true))
                        .orElse(Authority.heldBy("an owner of Subscription/" + name, List.of()));
            case SET_SERVICE_ADMIN, ADD_CO_ADMIN, REMOVE_CO_ADMIN, TRANSFER_SUBSCRIPTION ->
                Authority.heldBy("nobody: classic administrators are retired", List.of());
        };
    }

    /**
     * Elevated access for a global administrator of the subscription's tenant, to manage its role
     * assignments when no owner may act: the documented way (the rulebook's GA-05), not a workaround.
     * For tenant and account steps, what classic offers (a global administrator for a while).
     */
    @Override
    public List<TemporaryGrant> temporaryGrants(Step step, String account, WorldView world, WorldView desired) {
        if (step.op() == EntraOp.ADD_OWNER || step.op() == EntraOp.REMOVE_OWNER) {
            Subscription s = world.subscription(step.target().name()).orElse(null);
            if (s == null || s.owners().contains(account)) {
                return List.of();
            }
            Tenant t = world.tenant(s.tenant()).orElse(null);
            if (t == null
                    || !t.globalAdministrators().contains(account)
                    || t.status().elevated().contains(account)) {
                return List.of();
            }
            return List.of(new TemporaryGrant(
                    account,
                    EntraRoles.ELEVATED_ACCESS,
                    t.ref(),
                    Step.forAccount(EntraOp.ELEVATE_ACCESS, t.ref(), account),
                    Step.forAccount(EntraOp.REMOVE_ELEVATED_ACCESS, t.ref(), account),
                    true));
        }
        if (step.op() instanceof ClassicOp op) {
            return switch (op) {
                case UPDATE_TENANT,
                        ADD_DOMAIN,
                        REMOVE_DOMAIN,
                        ADD_GLOBAL_ADMIN,
                        REMOVE_GLOBAL_ADMIN,
                        CREATE_ACCOUNT,
                        UPDATE_ACCOUNT,
                        DELETE_ACCOUNT -> classic.temporaryGrants(step, account, world, desired);
                default -> List.of();
            };
        }
        return List.of();
    }

    /** Owners, then global administrators of the tenant whose access is elevated. */
    private static Authority roleManagers(WorldView world, String name) {
        Subscription s = world.subscription(name).orElse(null);
        if (s == null) {
            return Authority.heldBy("an owner of Subscription/" + name, List.of());
        }
        List<String> holders = existing(world, s.owners());
        world.tenant(s.tenant()).ifPresent(t -> {
            for (String ga : t.status().elevated()) {
                if (t.globalAdministrators().contains(ga) && world.account(ga).isPresent() && !holders.contains(ga)) {
                    holders.add(ga);
                }
            }
        });
        return Authority.heldBy(
                "owner of Subscription/" + name + ", or global administrator of Tenant/" + s.tenant()
                        + " with elevated access",
                holders);
    }

    private static Authority accept(Step step, WorldView world) {
        String to = step.to().orElseThrow();
        Authority admins = ClassicAuthority.globalAdmins(world, to, "global administrator of Tenant/" + to, a -> true);
        Optional<String> requester = world.subscription(step.target().name())
                .flatMap(s -> s.status().pendingDirectoryChange())
                .map(p -> p.requestedBy())
                .filter(admins.holders()::contains);
        if (requester.isEmpty()) {
            return admins;
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(requester.get());
        admins.holders().stream().filter(a -> !a.equals(requester.get())).forEach(ordered::add);
        return Authority.heldBy(admins.description(), ordered);
    }

    /** Any declared global administrator that exists, or a work account the sign-up creates. */
    private static Authority signUp(Step step, WorldView world) {
        Tenant t = (Tenant) step.object().orElseThrow();
        List<String> holders = new ArrayList<>();
        for (String admin : t.globalAdministrators()) {
            if (world.account(admin).isPresent()
                    || step.signUp().stream().anyMatch(a -> a.key().equals(admin))) {
                holders.add(admin);
            }
        }
        return Authority.heldBy("a declared global administrator of " + t.ref() + " signing up for it", holders);
    }

    /**
     * An Azure subscription is created by a user of its tenant, who becomes its first owner: the
     * owners the manifests want first, then the global administrators; Office 365 by a global
     * administrator.
     */
    private static Authority createSubscription(Subscription s, WorldView world) {
        String tenant = s.tenant();
        if (!s.isAzure()) {
            return ClassicAuthority.globalAdmins(world, tenant, "global administrator of Tenant/" + tenant, a -> true);
        }
        List<String> holders = new ArrayList<>();
        for (String owner : s.owners()) {
            if (Membership.isUser(world, owner, tenant)) {
                holders.add(owner);
            }
        }
        world.tenant(tenant)
                .ifPresent(t -> t.globalAdministrators().stream()
                        .filter(a -> !holders.contains(a) && Membership.isUser(world, a, t))
                        .forEach(holders::add));
        return Authority.heldBy(
                "a user of Tenant/" + tenant + ", who becomes its first owner", existing(world, holders));
    }

    private static Authority owners(WorldView world, String name, String description, Predicate<String> filter) {
        List<String> holders = new ArrayList<>();
        world.subscription(name)
                .ifPresent(s -> s.owners().stream().filter(filter).forEach(holders::add));
        return Authority.heldBy(description, existing(world, holders));
    }

    private static List<String> existing(WorldView world, Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String k = Names.key(key);
            if (world.account(k).isPresent() && !out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }
}
