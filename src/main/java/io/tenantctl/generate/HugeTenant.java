package io.tenantctl.generate;

import io.tenantctl.model.Account;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Limits;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One huge tenant: half the objects are its work accounts (50,000 at 100,000 objects), one
 * object in 200 is an Azure subscription trusting it with as many co-administrators as the
 * profile allows (200 in the classic world), and the rest are Microsoft accounts, a third of the
 * co-administrators. Every step of a first apply touches the same tenant, so the world's indexes
 * and the scheduler meet one crowded neighbourhood rather than many small ones. A tenant's
 * objects do not fit one file (at most 20,000 documents), so accounts go in files of
 * {@value #PER_FILE}; the tenant and its subscriptions share one file.
 */
final class HugeTenant {

    static final int PER_FILE = 2_000;
    private static final String NAME = WorldGenerator.tenantName(0);

    private final Limits limits;

    HugeTenant(Limits limits) {
        this.limits = limits;
    }

    ShapedWorld generate(int objects) {
        int workCount = Math.max(3, objects / 2);
        int subscriptionCount = Math.max(1, objects / 200);
        int microsoftCount = Math.max(2, objects - 1 - workCount - subscriptionCount);
        String initial = NAME + ".onmicrosoft.com";
        List<Account> work = new ArrayList<>();
        for (int w = 0; w < workCount; w++) {
            work.add(WorldGenerator.workAccount(NAME, w, initial));
        }
        List<Account> microsoft = new ArrayList<>();
        for (int i = 0; i < microsoftCount; i++) {
            microsoft.add(WorldGenerator.microsoftAccount(i));
        }
        TreeSet<String> admins = new TreeSet<>(
                List.of(work.get(0).key(), work.get(1).key(), microsoft.get(0).key()));
        Tenant tenant = new Tenant(Metadata.named(NAME), "Tenant 0", initial, new TreeSet<>(), admins);
        List<WorldObject> home = new ArrayList<>();
        home.add(tenant);
        int perSubscription = limits.coAdministratorsPerSubscription();
        int nextWork = 2;
        int nextMicrosoft = 1;
        for (int s = 0; s < subscriptionCount; s++) {
            // Co-administrators taken in turn, two work accounts for each Microsoft account, so
            // that they spread over every account rather than pile on a few.
            TreeSet<String> co = new TreeSet<>();
            if (s == 0) {
                // Global administrators who are neither service nor co-administrator would each
                // be warned about (portal-access): the first subscription makes them co-administrators.
                co.add(work.get(0).key());
                co.add(microsoft.get(0).key());
            }
            // Bounded, for small worlds with fewer accounts than a subscription's co-administrators.
            for (int i = 0; co.size() < perSubscription && i < 2 * perSubscription; i++) {
                if (i % 3 == 2) {
                    co.add(microsoft.get(nextMicrosoft).key());
                    nextMicrosoft = nextMicrosoft % (microsoftCount - 1) + 1;
                } else {
                    co.add(work.get(nextWork).key());
                    nextWork = nextWork % (workCount - 2) + 2;
                }
            }
            home.add(new Subscription(
                    Metadata.named(NAME + "-azure-" + s),
                    Offer.AZURE,
                    NAME,
                    Optional.of("Azure " + s + " of " + NAME),
                    Optional.of(work.get(0).key()),
                    Optional.of(work.get(1).key()),
                    co));
        }
        Map<String, List<WorldObject>> layout = new LinkedHashMap<>();
        layout.put("tenants/" + NAME + ".yaml", home);
        chunk(layout, "tenants/" + NAME + "/accounts-%04d.yaml", work);
        chunk(layout, "microsoft-accounts/accounts-%04d.yaml", microsoft);
        List<WorldObject> all = new ArrayList<>(home);
        all.addAll(work);
        all.addAll(microsoft);
        return new ShapedWorld(World.of(all), Optional.of(layout));
    }

    private static void chunk(Map<String, List<WorldObject>> layout, String pattern, List<Account> accounts) {
        for (int i = 0; i < accounts.size(); i += PER_FILE) {
            layout.put(
                    String.format(pattern, i / PER_FILE),
                    new ArrayList<>(accounts.subList(i, Math.min(accounts.size(), i + PER_FILE))));
        }
    }
}
