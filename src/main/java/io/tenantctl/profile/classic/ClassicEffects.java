package io.tenantctl.profile.classic;

import static io.tenantctl.profile.classic.ClassicRoles.CO_ADMINISTRATOR;
import static io.tenantctl.profile.classic.ClassicRoles.GLOBAL_ADMINISTRATOR;
import static io.tenantctl.profile.classic.ClassicRoles.SERVICE_ADMINISTRATOR;

import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.profile.Effects;
import io.tenantctl.step.Effect;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What each step does to the world in the classic era, and what else it does besides its name:
 * the roles it gives and takes away on the way, and the accounts a sign-up creates.
 */
public final class ClassicEffects implements Effects {

    @Override
    public List<Effect> apply(Step step, MutableWorld world) {
        String name = step.target().name();
        List<Effect> effects = new ArrayList<>();
        switch (ClassicOp.of(step)) {
            case CREATE_TENANT -> {
                Tenant t = (Tenant) step.object().orElseThrow();
                String founder = step.accountKey().orElseThrow();
                for (Account a : step.signUp()) {
                    world.put(a);
                    effects.add(
                            new Effect.Created(a.ref(), "signing up creates " + a.ref() + " (" + a.signInName() + ")"));
                }
                world.put(t.withGlobalAdministrators(new TreeSet<>(List.of(founder))));
                effects.add(granted(GLOBAL_ADMINISTRATOR, founder, t.ref(), world));
            }
            case UPDATE_TENANT -> {
                Tenant want = (Tenant) step.object().orElseThrow();
                Tenant have = world.tenant(name).orElseThrow();
                world.put(have.withDescription(want.metadata(), want.displayName()));
            }
            case ADD_DOMAIN, REMOVE_DOMAIN -> {
                Tenant have = world.tenant(name).orElseThrow();
                TreeSet<String> domains = new TreeSet<>(have.domains());
                if (step.op() == ClassicOp.ADD_DOMAIN) {
                    domains.add(step.domain().orElseThrow());
                } else {
                    domains.remove(step.domain().orElseThrow());
                }
                world.put(have.withDomains(domains));
            }
            case DELETE_TENANT -> {
                Tenant have = world.tenant(name).orElseThrow();
                for (String admin : have.globalAdministrators()) {
                    effects.add(revoked(GLOBAL_ADMINISTRATOR, admin, have.ref(), world));
                }
                world.remove(have.ref());
            }
            case CREATE_ACCOUNT, UPDATE_ACCOUNT -> world.put(step.object().orElseThrow());
            case DELETE_ACCOUNT -> world.remove(step.target());
            case ADD_GLOBAL_ADMIN ->
                world.put(world.tenant(name)
                        .orElseThrow()
                        .withGlobalAdministrator(step.accountKey().orElseThrow()));
            case REMOVE_GLOBAL_ADMIN ->
                world.put(world.tenant(name)
                        .orElseThrow()
                        .withoutGlobalAdministrator(step.accountKey().orElseThrow()));
            case CREATE_SUBSCRIPTION -> {
                Subscription s = (Subscription) step.object().orElseThrow();
                if (s.isAzure()) {
                    // The account administrator signs up and is the first service administrator;
                    // other roles are separate steps.
                    String aa = s.accountAdministrator().orElseThrow();
                    world.put(s.withServiceAdministrator(aa).withCoAdministrators(new TreeSet<>()));
                    effects.add(granted(SERVICE_ADMINISTRATOR, aa, s.ref(), world));
                } else {
                    world.put(s);
                }
            }
            case UPDATE_SUBSCRIPTION -> {
                Subscription want = (Subscription) step.object().orElseThrow();
                world.put(world.subscription(name).orElseThrow().withDescription(want.metadata(), want.displayName()));
            }
            case TRANSFER_SUBSCRIPTION -> {
                Subscription have = world.subscription(name).orElseThrow();
                TreeSet<String> kept = new TreeSet<>();
                for (String co : have.coAdministrators()) {
                    boolean work =
                            world.account(co).map(Account::isWorkOrSchool).orElse(false);
                    if (work) {
                        effects.add(new Effect.RoleChanged(
                                Effect.Change.REVOKED,
                                CO_ADMINISTRATOR,
                                co,
                                have.ref(),
                                "removes co-administrator " + world.display(co) + " (a work or school account)"));
                    } else {
                        kept.add(co);
                    }
                }
                world.put(have.withTenant(step.to().orElseThrow()).withCoAdministrators(kept));
            }
            case SET_SERVICE_ADMIN -> {
                Subscription have = world.subscription(name).orElseThrow();
                have.serviceAdministrator()
                        .ifPresent(old -> effects.add(revoked(SERVICE_ADMINISTRATOR, old, have.ref(), world)));
                world.put(have.withServiceAdministrator(step.accountKey().orElseThrow()));
            }
            case ADD_CO_ADMIN ->
                world.put(world.subscription(name)
                        .orElseThrow()
                        .withCoAdministrator(step.accountKey().orElseThrow()));
            case REMOVE_CO_ADMIN ->
                world.put(world.subscription(name)
                        .orElseThrow()
                        .withoutCoAdministrator(step.accountKey().orElseThrow()));
            case DELETE_SUBSCRIPTION -> world.remove(step.target());
        }
        return effects;
    }

    private static Effect granted(Role role, String account, ObjectRef object, WorldView world) {
        return changed(Effect.Change.GRANTED, role, account, object, world);
    }

    private static Effect revoked(Role role, String account, ObjectRef object, WorldView world) {
        return changed(Effect.Change.REVOKED, role, account, object, world);
    }

    private static Effect changed(Effect.Change change, Role role, String account, ObjectRef object, WorldView world) {
        String what = change == Effect.Change.GRANTED ? " becomes " : " is no longer ";
        return new Effect.RoleChanged(
                change, role, account, object, world.display(account) + what + role + " of " + object);
    }
}
