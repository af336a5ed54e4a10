package io.tenantctl.generate;

import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Makes a valid world of about a given number of objects, the way partners who run many tenants
 * have them: each tenant with an initial and 0-2 custom domains, 3-12 work accounts, 2-4 global
 * administrators (its own work accounts and Microsoft accounts), 0-3 Azure subscriptions with a
 * service administrator and up to 20 co-administrators, and often an Office 365 subscription.
 * About 11 objects per tenant.
 */
public final class WorldGenerator {

    /** Objects per tenant, on average, to turn a wanted size into a number of tenants. */
    static final double OBJECTS_PER_TENANT = 11.5;

    private final Random random;

    public WorldGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A world of about {@code objects} objects (at least one tenant). */
    public World generate(int objects) {
        int tenants = Math.max(1, (int) Math.round(objects / OBJECTS_PER_TENANT));
        List<WorldObject> all = new ArrayList<>();
        List<Account> microsoft = new ArrayList<>();
        int microsoftCount = Math.max(2, tenants * 3 / 2);
        for (int i = 0; i < microsoftCount; i++) {
            Account a = microsoftAccount(i);
            microsoft.add(a);
            all.add(a);
        }
        for (int t = 0; t < tenants; t++) {
            all.addAll(tenant(t, microsoft));
        }
        return World.of(all);
    }

    static Account microsoftAccount(int i) {
        String domain = i % 2 == 0 ? "outlook.com" : "hotmail.com";
        return new Account(
                Metadata.named("ms-" + i),
                AccountType.MICROSOFT_ACCOUNT,
                "person" + i + "@" + domain,
                Optional.of("Person " + i));
    }

    /** Work account {@code w} of a tenant, signing in on {@code domain}. */
    static Account workAccount(String tenant, int w, String domain) {
        return new Account(
                Metadata.named(tenant + "-user-" + w),
                AccountType.WORK_OR_SCHOOL,
                "user" + w + "@" + domain,
                Optional.of("User " + w + " of " + tenant));
    }

    /** A tenant's Office 365 subscription. */
    static Subscription office365(String tenant) {
        return new Subscription(
                Metadata.named(tenant + "-office365"),
                Offer.OFFICE365,
                tenant,
                Optional.of("Office 365 of " + tenant),
                Optional.empty(),
                Optional.empty(),
                new TreeSet<>());
    }

    static String tenantName(int t) {
        return "tenant-" + t;
    }

    private List<WorldObject> tenant(int t, List<Account> microsoft) {
        String name = tenantName(t);
        String initial = name + ".onmicrosoft.com";
        TreeSet<String> custom = new TreeSet<>();
        int customCount = random.nextInt(3);
        for (int d = 0; d < customCount; d++) {
            custom.add(name + (d == 0 ? "" : "-" + d) + ".example");
        }
        List<String> domains = new ArrayList<>(custom);
        domains.add(initial);
        List<Account> work = new ArrayList<>();
        int workCount = 3 + random.nextInt(10);
        for (int w = 0; w < workCount; w++) {
            work.add(workAccount(name, w, domains.get(random.nextInt(domains.size()))));
        }
        TreeSet<String> admins = new TreeSet<>();
        int adminCount = 2 + random.nextInt(3);
        admins.add(work.get(0).key());
        Account ms = microsoft.get(random.nextInt(microsoft.size()));
        if (random.nextInt(3) > 0) {
            admins.add(ms.key());
        }
        adminCount = Math.min(adminCount, work.size() + admins.size() - 1);
        while (admins.size() < adminCount) {
            admins.add(work.get(random.nextInt(work.size())).key());
        }
        List<WorldObject> out = new ArrayList<>();
        out.add(new Tenant(Metadata.named(name), "Tenant " + t, initial, custom, admins));
        out.addAll(work);
        int azure = random.nextInt(4);
        for (int s = 0; s < azure; s++) {
            out.add(azure(name + "-azure-" + s, name, work, admins, microsoft));
        }
        if (random.nextInt(3) > 0) {
            out.add(office365(name));
        }
        return out;
    }

    private Subscription azure(
            String name, String tenant, List<Account> work, TreeSet<String> admins, List<Account> microsoft) {
        // The account administrator signs up for the subscription: a global administrator of the
        // tenant or one of its work accounts.
        List<String> candidates = new ArrayList<>(admins);
        String aa = random.nextBoolean()
                ? candidates.get(random.nextInt(candidates.size()))
                : work.get(random.nextInt(work.size())).key();
        boolean aaIsMicrosoft = !work.stream().map(Account::key).toList().contains(aa);
        String sa;
        if (aaIsMicrosoft || random.nextBoolean()) {
            sa = aaIsMicrosoft && random.nextBoolean()
                    ? aa
                    : microsoft.get(random.nextInt(microsoft.size())).key();
        } else {
            sa = work.get(random.nextInt(work.size())).key();
        }
        TreeSet<String> co = new TreeSet<>();
        int coCount = random.nextInt(21);
        for (int i = 0; i < coCount; i++) {
            String pick = random.nextInt(3) == 0
                    ? microsoft.get(random.nextInt(microsoft.size())).key()
                    : work.get(random.nextInt(work.size())).key();
            if (!pick.equals(sa)) {
                co.add(pick);
            }
        }
        return new Subscription(
                Metadata.named(name),
                Offer.AZURE,
                tenant,
                Optional.of("Azure " + name),
                Optional.of(aa),
                Optional.of(sa),
                co);
    }
}
