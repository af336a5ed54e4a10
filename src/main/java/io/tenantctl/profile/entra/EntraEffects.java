package io.tenantctl.profile.entra;

import static io.tenantctl.profile.classic.ClassicRoles.GLOBAL_ADMINISTRATOR;

import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.SubscriptionStatus;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.TenantStatus;
import io.tenantctl.profile.Effects;
import io.tenantctl.profile.classic.ClassicEffects;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.step.Effect;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What each step does in the entra world. Accounts, tenants' descriptions and global administrators
 * are classic's; the rest is here: a sign-up that makes its creator an accepted guest when it is not
 * homed in the new tenant, a domain added unverified, guests invited and redeemed, owners, elevated
 * access, and the change of directory that deletes every role assignment and makes the account that
 * accepts it the owner.
 */
public final class EntraEffects implements Effects {

    private final ClassicEffects classic = new ClassicEffects();

    @Override
    public List<Effect> apply(Step step, MutableWorld world) {
        String name = step.target().name();
        List<Effect> effects = new ArrayList<>();
        if (step.op() instanceof EntraOp op) {
            switch (op) {
                case VERIFY_DOMAIN -> {
                    Tenant have = world.tenant(name).orElseThrow();
                    String domain = step.domain().orElseThrow();
                    TreeSet<String> domains = new TreeSet<>(have.domains());
                    domains.add(domain);
                    world.put(have.withDomains(domains)
                            .withStatus(have.status()
                                    .withUnverifiedDomains(edit(have.status().unverifiedDomains(), domain, false))));
                }
                case INVITE_GUEST -> {
                    Tenant have = world.tenant(name).orElseThrow();
                    String guest = step.accountKey().orElseThrow();
                    world.put(have.withGuest(guest, true)
                            .withStatus(have.status()
                                    .withPendingGuests(edit(have.status().pendingGuests(), guest, true))));
                }
                case REDEEM_INVITATION -> {
                    Tenant have = world.tenant(name).orElseThrow();
                    String guest = step.accountKey().orElseThrow();
                    world.put(have.withStatus(
                            have.status().withPendingGuests(edit(have.status().pendingGuests(), guest, false))));
                }
                case REMOVE_GUEST -> {
                    Tenant have = world.tenant(name).orElseThrow();
                    String guest = step.accountKey().orElseThrow();
                    world.put(have.withGuest(guest, false)
                            .withStatus(have.status()
                                    .withPendingGuests(edit(have.status().pendingGuests(), guest, false))));
                }
                case ELEVATE_ACCESS, REMOVE_ELEVATED_ACCESS -> {
                    Tenant have = world.tenant(name).orElseThrow();
                    boolean on = op == EntraOp.ELEVATE_ACCESS;
                    world.put(have.withStatus(have.status()
                            .withElevated(edit(
                                    have.status().elevated(), step.accountKey().orElseThrow(), on))));
                }
                case ADD_OWNER, REMOVE_OWNER -> {
                    Subscription have = world.subscription(name).orElseThrow();
                    world.put(have.withOwner(step.accountKey().orElseThrow(), op == EntraOp.ADD_OWNER));
                }
                case REQUEST_DIRECTORY_CHANGE -> {
                    Subscription have = world.subscription(name).orElseThrow();
                    world.put(have.withStatus(
                            new SubscriptionStatus(Optional.of(new SubscriptionStatus.PendingDirectoryChange(
                                    step.to().orElseThrow(), step.accountKey().orElse(""))))));
                }
                case ACCEPT_DIRECTORY_CHANGE -> effects.addAll(accept(step, world));
            }
            return effects;
        }
        switch ((ClassicOp) step.op()) {
            case CREATE_TENANT -> {
                Tenant t = (Tenant) step.object().orElseThrow();
                String founder = step.accountKey().orElseThrow();
                for (Account a : step.signUp()) {
                    world.put(a);
                    effects.add(
                            new Effect.Created(a.ref(), "signing up creates " + a.ref() + " (" + a.signInName() + ")"));
                }
                // Created with its declared domains, as classic's sign-up; guests and other
                // administrators are steps of their own.
                Tenant created = t.withGlobalAdministrators(new TreeSet<>(List.of(founder)))
                        .withGuests(new TreeSet<>())
                        .withStatus(TenantStatus.NONE);
                boolean homed = world.account(founder)
                        .map(a -> a.isWorkOrSchool() && t.hasDomain(a.domain()))
                        .orElse(step.signUp().stream().anyMatch(s -> s.key().equals(founder)));
                if (!homed) {
                    created = created.withGuest(founder, true);
                    effects.add(new Effect.Created(
                            t.ref(),
                            world.display(founder) + " is an external user of " + t.ref() + " from the start"));
                }
                world.put(created);
                effects.add(changed(Effect.Change.GRANTED, GLOBAL_ADMINISTRATOR, founder, t.ref(), world));
            }
            case ADD_DOMAIN -> {
                Tenant have = world.tenant(name).orElseThrow();
                world.put(have.withStatus(have.status()
                        .withUnverifiedDomains(edit(
                                have.status().unverifiedDomains(), step.domain().orElseThrow(), true))));
            }
            case REMOVE_DOMAIN -> {
                Tenant have = world.tenant(name).orElseThrow();
                String domain = step.domain().orElseThrow();
                TreeSet<String> domains = new TreeSet<>(have.domains());
                domains.remove(domain);
                world.put(have.withDomains(domains)
                        .withStatus(have.status()
                                .withUnverifiedDomains(edit(have.status().unverifiedDomains(), domain, false))));
            }
            case CREATE_SUBSCRIPTION -> {
                Subscription s = (Subscription) step.object().orElseThrow();
                world.put(s.withStatus(SubscriptionStatus.NONE));
                for (String owner : s.owners()) {
                    effects.add(changed(Effect.Change.GRANTED, EntraRoles.OWNER, owner, s.ref(), world));
                }
            }
            case DELETE_TENANT -> {
                Tenant have = world.tenant(name).orElseThrow();
                for (String admin : have.globalAdministrators()) {
                    effects.add(changed(Effect.Change.REVOKED, GLOBAL_ADMINISTRATOR, admin, have.ref(), world));
                }
                world.remove(have.ref());
            }
            case DELETE_SUBSCRIPTION -> {
                Subscription have = world.subscription(name).orElseThrow();
                for (String owner : have.owners()) {
                    effects.add(changed(Effect.Change.REVOKED, EntraRoles.OWNER, owner, have.ref(), world));
                }
                world.remove(have.ref());
            }
            default -> effects.addAll(classic.apply(step, world));
        }
        return effects;
    }

    /**
     * The target trusts the subscription; every role assignment on it is deleted and the account
     * that accepts becomes its owner (the rulebook's TRN-04 and TRN-09).
     */
    private static List<Effect> accept(Step step, MutableWorld world) {
        Subscription have = world.subscription(step.target().name()).orElseThrow();
        String acceptor = step.accountKey().orElse("");
        List<Effect> effects = new ArrayList<>();
        for (String owner : have.owners()) {
            {
                effects.add(new Effect.RoleChanged(
                        Effect.Change.REVOKED,
                        EntraRoles.OWNER,
                        owner,
                        have.ref(),
                        world.display(owner) + " is no longer owner of " + have.ref()
                                + " (a change of directory deletes every role assignment)"));
            }
        }
        TreeSet<String> owners = new TreeSet<>();
        if (!acceptor.isEmpty()) {
            owners.add(acceptor);
            effects.add(new Effect.RoleChanged(
                    Effect.Change.GRANTED,
                    EntraRoles.OWNER,
                    acceptor,
                    have.ref(),
                    world.display(acceptor) + " becomes owner of " + have.ref() + " (the account that accepts)"));
        }
        world.put(have.withTenant(step.to().orElseThrow()).withOwners(owners).withStatus(SubscriptionStatus.NONE));
        return effects;
    }

    static TreeSet<String> edit(SortedSet<String> set, String key, boolean add) {
        TreeSet<String> out = new TreeSet<>(set);
        if (add) {
            out.add(key);
        } else {
            out.remove(key);
        }
        return out;
    }

    static Effect changed(Effect.Change change, Role role, String account, ObjectRef object, WorldView world) {
        String what = change == Effect.Change.GRANTED ? " becomes " : " is no longer ";
        return new Effect.RoleChanged(
                change, role, account, object, world.display(account) + what + role + " of " + object);
    }
}
