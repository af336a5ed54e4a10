package io.tenantctl.render;

import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A world as a tree of manifests the way a team would keep it in git: by tenant (one file per
 * tenant holding the tenant, its work or school accounts and the subscriptions that trust it, and
 * the Microsoft accounts in files of a few hundred each), or by kind (one file per kind). Used by
 * {@code export} and by {@code generate}, which write the files; YAML written with Jackson's YAML
 * module, in a stable order, so that exporting twice gives the same files.
 */
public final class ManifestTree {

    static final int MICROSOFT_ACCOUNTS_PER_FILE = 500;

    private ManifestTree() {}

    /** How to split the objects into files. */
    public enum Layout {
        TENANT,
        KIND
    }

    /**
     * One file of the tree: its path relative to the folder and the objects it holds. Its text is
     * rendered when asked for, so that a writer holds one file's text at a time.
     */
    public record File(String path, List<WorldObject> objects) {

        public File {
            objects = List.copyOf(objects);
        }

        /** The file's content: one YAML document per object. */
        public String text() {
            return Yaml.documents(objects.stream().map(ManifestCodec::encode).toList());
        }
    }

    /** The world's files, one per tenant, in a stable order. */
    public static List<File> files(World world) {
        return files(world, Layout.TENANT);
    }

    /** The world's files in a layout, in a stable order. */
    public static List<File> files(World world, Layout layout) {
        Map<String, List<WorldObject>> files = switch (layout) {
            case TENANT -> byTenant(world);
            case KIND -> byKind(world);
        };
        return files.entrySet().stream()
                .map(e -> new File(e.getKey(), e.getValue()))
                .toList();
    }

    private static Map<String, List<WorldObject>> byKind(World world) {
        Map<String, List<WorldObject>> files = new LinkedHashMap<>();
        files.put("tenants.yaml", new ArrayList<>(world.tenants()));
        files.put("accounts.yaml", new ArrayList<>(world.accounts()));
        files.put("subscriptions.yaml", new ArrayList<>(world.subscriptions()));
        files.values().removeIf(List::isEmpty);
        return files;
    }

    private static Map<String, List<WorldObject>> byTenant(World world) {
        Map<String, List<WorldObject>> files = new LinkedHashMap<>();
        for (Tenant t : world.tenants()) {
            files.computeIfAbsent("tenants/" + t.name() + ".yaml", k -> new ArrayList<>())
                    .add(t);
        }
        List<Account> microsoft = new ArrayList<>();
        for (Account a : world.accounts()) {
            String home = home(world, a);
            if (home == null) {
                microsoft.add(a);
            } else {
                files.computeIfAbsent("tenants/" + home + ".yaml", k -> new ArrayList<>())
                        .add(a);
            }
        }
        for (Subscription s : world.subscriptions()) {
            files.computeIfAbsent("tenants/" + s.tenant() + ".yaml", k -> new ArrayList<>())
                    .add(s);
        }
        for (int i = 0; i < microsoft.size(); i += MICROSOFT_ACCOUNTS_PER_FILE) {
            files.put(
                    String.format("microsoft-accounts/accounts-%04d.yaml", i / MICROSOFT_ACCOUNTS_PER_FILE),
                    new ArrayList<>(microsoft.subList(i, Math.min(microsoft.size(), i + MICROSOFT_ACCOUNTS_PER_FILE))));
        }
        return files;
    }

    private static String home(WorldView world, Account account) {
        return world.homeTenant(account).map(Tenant::name).orElse(null);
    }
}
