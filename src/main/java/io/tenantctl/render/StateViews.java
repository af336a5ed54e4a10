package io.tenantctl.render;

import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.RevisionRecord;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code get} and {@code history} as tables, JSON ({@code {"items": [...]}}) and YAML. */
public final class StateViews {

    private StateViews() {}

    public static String objectsTable(List<WorldObject> objects) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KIND", "NAME", "DETAILS"});
        for (WorldObject o : objects) {
            rows.add(new String[] {o.kind().manifestName(), o.name(), details(o)});
        }
        return table(rows);
    }

    static String details(WorldObject object) {
        return switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                yield t.displayName() + " (" + t.initialDomain() + "), "
                        + DiagnosticsView.plural(t.domains().size(), "custom domain") + ", global administrators: "
                        + String.join(", ", t.globalAdministrators());
            }
            case ACCOUNT -> {
                Account a = (Account) object;
                yield a.signInName() + ", " + a.type().describe()
                        + a.displayName().map(n -> ", " + n).orElse("");
            }
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                yield s.offer().manifestName() + ", tenant " + s.tenant()
                        + s.serviceAdministrator()
                                .map(a -> ", service administrator " + a)
                                .orElse("")
                        + (s.coAdministrators().isEmpty()
                                ? ""
                                : ", "
                                        + DiagnosticsView.plural(
                                                s.coAdministrators().size(), "co-administrator"));
            }
        };
    }

    public static String objectsJson(List<WorldObject> objects) {
        ObjectNode root = Json.object();
        ArrayNode items = root.putArray("items");
        objects.forEach(o -> items.add(ManifestCodec.encode(o)));
        return Json.pretty(root);
    }

    public static String objectsYaml(List<WorldObject> objects) {
        return Yaml.documents(objects.stream().map(ManifestCodec::encode).toList());
    }

    public static String historyTable(List<RevisionRecord> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REVISION", "TIME", "ACTORS", "CHANGES", "STEPS", "DIGEST"});
        for (RevisionRecord r : records) {
            String changes = "+" + r.summary().getOrDefault("create", 0) + " ~"
                    + r.summary().getOrDefault("update", 0) + " -" + r.summary().getOrDefault("delete", 0);
            String digest = r.digest().length() > 19 ? r.digest().substring(0, 19) : r.digest();
            rows.add(new String[] {
                String.valueOf(r.revision()),
                r.time().toString(),
                r.actors().isEmpty() ? "-" : String.join(", ", r.actors()),
                changes,
                String.valueOf(r.steps().size()),
                digest
            });
        }
        return table(rows);
    }

    public static String historyJson(List<RevisionRecord> records) {
        ObjectNode root = Json.object();
        ArrayNode items = root.putArray("items");
        for (RevisionRecord r : records) {
            items.add(r.toJson());
        }
        return Json.pretty(root);
    }

    /** Left-aligned columns, two spaces apart. */
    static String table(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
