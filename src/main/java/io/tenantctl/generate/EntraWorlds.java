package io.tenantctl.generate;

import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A world of the classic era as the entra era has it, the way Microsoft converted it (DESIGN.md 8):
 * every Azure subscription's service administrator and co-administrators become its owners, and
 * every account that holds a role in a tenant it is not homed in is a guest of that tenant (the
 * global administrators that are Microsoft accounts, and owners from elsewhere). Deterministic, so
 * that the generator and the mutator make entra worlds of the same shapes as classic ones.
 */
public final class EntraWorlds {

    private EntraWorlds() {}

    public static World of(World classic) {
        Map<String, TreeSet<String>> guests = new HashMap<>();
        List<WorldObject> out = new ArrayList<>();
        for (Tenant t : classic.tenants()) {
            TreeSet<String> g = new TreeSet<>();
            for (String admin : t.globalAdministrators()) {
                if (!homed(classic, admin, t.name())) {
                    g.add(admin);
                }
            }
            guests.put(t.name(), g);
        }
        for (Subscription s : classic.subscriptions()) {
            if (!s.isAzure()) {
                out.add(s);
                continue;
            }
            TreeSet<String> owners = new TreeSet<>(s.coAdministrators());
            s.serviceAdministrator().ifPresent(owners::add);
            for (String owner : owners) {
                if (!homed(classic, owner, s.tenant())) {
                    guests.computeIfAbsent(s.tenant(), k -> new TreeSet<>()).add(owner);
                }
            }
            out.add(new Subscription(
                    s.metadata(),
                    s.offer(),
                    s.tenant(),
                    s.displayName(),
                    s.accountAdministrator(),
                    Optional.empty(),
                    new TreeSet<>(),
                    owners,
                    Optional.empty(),
                    s.status()));
        }
        for (Tenant t : classic.tenants()) {
            out.add(t.withGuests(guests.getOrDefault(t.name(), new TreeSet<>())));
        }
        out.addAll(classic.accounts());
        return World.of(out);
    }

    private static boolean homed(WorldView world, String account, String tenant) {
        return world.account(account)
                .map((Account a) -> world.isHomedIn(a, tenant))
                .orElse(true);
    }
}
