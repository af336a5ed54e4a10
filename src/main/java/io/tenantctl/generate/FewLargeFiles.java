package io.tenantctl.generate;

import io.tenantctl.model.Account;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * A world written as a few large files: 8 objects per tenant (the tenant, 5 work accounts, an
 * Azure subscription with 1 to 3 co-administrators and an Office 365 subscription), whole
 * tenants in {@value #FILES} files. At 100,000 objects that is 50 files of 2,000 objects, the
 * layout of issue 9's measurements, where a run cannot spread its work over many files.
 */
final class FewLargeFiles {

    static final int FILES = 50;
    static final int OBJECTS_PER_TENANT = 8;
    private static final int WORK_ACCOUNTS = 5;

    private final Random random;

    FewLargeFiles(long seed) {
        this.random = new Random(seed);
    }

    ShapedWorld generate(int objects) {
        int tenants = Math.max(1, Math.round(objects / (float) OBJECTS_PER_TENANT));
        int files = Math.min(FILES, tenants);
        List<WorldObject> all = new ArrayList<>();
        Map<String, List<WorldObject>> layout = new LinkedHashMap<>();
        for (int f = 0; f < files; f++) {
            List<WorldObject> file = new ArrayList<>();
            // Tenants spread evenly: file f holds [f * tenants / files, (f + 1) * tenants / files).
            for (int t = (int) ((long) f * tenants / files); t < (long) (f + 1) * tenants / files; t++) {
                file.addAll(tenant(t));
            }
            layout.put(String.format("tenants-%02d.yaml", f), file);
            all.addAll(file);
        }
        return new ShapedWorld(World.of(all), Optional.of(layout));
    }

    private List<WorldObject> tenant(int t) {
        String name = WorldGenerator.tenantName(t);
        String initial = name + ".onmicrosoft.com";
        String custom = name + ".example";
        List<Account> work = new ArrayList<>();
        for (int w = 0; w < WORK_ACCOUNTS; w++) {
            work.add(WorldGenerator.workAccount(name, w, random.nextBoolean() ? custom : initial));
        }
        TreeSet<String> admins =
                new TreeSet<>(List.of(work.get(0).key(), work.get(1).key()));
        // The account administrator, a global administrator, is also a co-administrator, so that
        // both global administrators can sign in to the portal and the tree validates without warnings.
        TreeSet<String> co = new TreeSet<>(List.of(work.get(0).key()));
        int coCount = random.nextInt(3);
        for (int i = 0; i < coCount; i++) {
            co.add(work.get(2 + i).key());
        }
        List<WorldObject> out = new ArrayList<>();
        out.add(new Tenant(Metadata.named(name), "Tenant " + t, initial, new TreeSet<>(List.of(custom)), admins));
        out.addAll(work);
        out.add(new Subscription(
                Metadata.named(name + "-azure-0"),
                Offer.AZURE,
                name,
                Optional.of("Azure " + name),
                Optional.of(work.get(0).key()),
                Optional.of(work.get(1).key()),
                co));
        out.add(WorldGenerator.office365(name));
        return out;
    }
}
