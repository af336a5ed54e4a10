package io.tenantctl.render;

import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.state.ActionRecord;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.step.PlannedStep;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code get}, {@code history} and {@code state} as tables, JSON ({@code {"items": [...]}}) and YAML,
 * and what one revision changed ({@code history show}).
 */
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

    /** {@code get -o wide}: who owns each object (applyset, the revision that last wrote it) and its labels. */
    public static String objectsWide(List<WorldObject> objects, Map<ObjectRef, Ownership> ownership) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KIND", "NAME", "APPLYSET", "REVISION", "LABELS", "DETAILS"});
        for (WorldObject o : objects) {
            Optional<Ownership> owner = Optional.ofNullable(ownership.get(o.ref()));
            rows.add(new String[] {
                o.kind().manifestName(),
                o.name(),
                owner.map(Ownership::applyset).filter(a -> !a.isEmpty()).orElse("-"),
                owner.map(w -> String.valueOf(w.revision())).orElse("-"),
                labels(o),
                details(o)
            });
        }
        return table(rows);
    }

    private static String labels(WorldObject object) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(object.metadata().labels())
                .forEach((k, v) -> out.append(out.length() == 0 ? "" : ",")
                        .append(k)
                        .append('=')
                        .append(v));
        return out.length() == 0 ? "-" : out.toString();
    }

    /** {@code state list}: one {@code Kind/name} a line, for scripts. */
    public static String refs(List<WorldObject> objects) {
        StringBuilder out = new StringBuilder();
        objects.forEach(o -> out.append(o.ref()).append('\n'));
        return out.toString();
    }

    /**
     * {@code state show}: the object as a YAML manifest, after comment lines that say who owns it,
     * which revision last wrote it, and where its manifests came from.
     */
    public static String objectShown(WorldObject object, Optional<Ownership> ownership) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(object.ref()).append('\n');
        out.append("# applyset: ")
                .append(ownership
                        .map(Ownership::applyset)
                        .filter(a -> !a.isEmpty())
                        .orElse("none"))
                .append('\n');
        ownership.ifPresent(o -> {
            out.append("# last written in revision ").append(o.revision()).append('\n');
            if (!o.source().isEmpty()) {
                out.append("# source: ").append(o.source()).append('\n');
            }
        });
        out.append(Yaml.documents(List.of(ManifestCodec.encode(object))));
        return out.toString();
    }

    /** {@code state show -o json}: {@code {"object": manifest, "applyset", "revision", "source"}}. */
    public static String objectShownJson(WorldObject object, Optional<Ownership> ownership) {
        ObjectNode root = Json.object();
        root.set("object", ManifestCodec.encode(object));
        root.put("applyset", ownership.map(Ownership::applyset).orElse(""));
        ownership.ifPresentOrElse(o -> root.put("revision", o.revision()), () -> root.putNull("revision"));
        root.put("source", ownership.map(Ownership::source).orElse(""));
        return Json.pretty(root);
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
        rows.add(new String[] {"REVISION", "TIME", "BY", "ACTORS", "CHANGES", "STEPS", "DIGEST"});
        for (RevisionRecord r : records) {
            String changes = "+" + r.summary().getOrDefault("create", 0) + " ~"
                    + r.summary().getOrDefault("update", 0) + " -" + r.summary().getOrDefault("delete", 0);
            String digest = r.digest().length() > 19 ? r.digest().substring(0, 19) : r.digest();
            rows.add(new String[] {
                String.valueOf(r.revision()),
                r.time().toString(),
                operator(r.operator()),
                r.actors().isEmpty() ? "-" : String.join(", ", r.actors()),
                changes,
                String.valueOf(r.steps().size()),
                digest
            });
        }
        return table(rows);
    }

    /** Who ran an apply, in one cell: {@code alice}, or {@code runner (GitHub Actions, by alice)}. */
    static String operator(Map<String, String> operator) {
        if (operator.isEmpty()) {
            return "-";
        }
        String user = operator.getOrDefault("user", "?");
        if (!operator.containsKey("ci")) {
            return user;
        }
        String by = operator.getOrDefault("triggeredBy", "");
        return user + " (" + operator.get("ci") + (by.isEmpty() ? "" : ", by " + by) + ")";
    }

    /**
     * {@code history show REV}: the revision (when, who, from where), its steps, and per object
     * what it changed against the revision before it.
     */
    public static void revisionText(
            RevisionRecord r, List<PlannedStep> steps, List<Change> changes, Style style, PrintWriter out) {
        out.append(style.bold("Revision " + r.revision()))
                .append(" applied at ")
                .append(r.time().toString());
        out.append(" by ").append(operator(r.operator()));
        if (r.operator().containsKey("run")) {
            out.append(", run ").append(r.operator().get("run"));
        }
        out.append('\n');
        out.append("  applyset ").append(r.applyset());
        if (!r.source().isEmpty()) {
            out.append(", source ");
            StringBuilder source = new StringBuilder();
            new TreeMap<>(r.source())
                    .forEach((k, v) -> source.append(source.length() == 0 ? "" : ", ")
                            .append(k)
                            .append('=')
                            .append(v));
            out.append(source);
        }
        out.append('\n');
        out.append("  plan ").append(r.digest());
        if (!r.as().isEmpty()) {
            out.append(", --as ").append(String.join(",", r.as()));
        }
        out.append("\n\n");
        if (changes.isEmpty()) {
            out.append("No object changed")
                    .append(
                            r.summary().getOrDefault("adopt", 0) > 0
                                    ? ": the applyset adopted "
                                            + DiagnosticsView.plural(r.summary().get("adopt"), "object")
                                    : "")
                    .append(".\n");
        } else {
            out.append("Changes against revision ")
                    .append(String.valueOf(r.revision() - 1))
                    .append(":\n");
            for (Change change : changes) {
                switch (change.action()) {
                    case CREATE -> out.append(style.green("+ " + change.ref())).append(" was created\n");
                    case UPDATE -> out.append(style.yellow("~ " + change.ref())).append(" was updated\n");
                    case DELETE -> out.append(style.red("- " + change.ref())).append(" was deleted\n");
                    case KEEP, UNCHANGED -> {
                        // a revision's difference has neither
                    }
                }
                if (change.action() != ChangeAction.DELETE) {
                    PlanTextView.fields(change, style, out);
                }
            }
        }
        if (!steps.isEmpty()) {
            out.append('\n');
            PlanTextView.steps(steps, style, out);
        }
        out.flush();
    }

    /** {@code history show REV -o json}: the revision as {@code history -o json} has it, and its {@code changes}. */
    public static String revisionJson(RevisionRecord r, List<Change> changes) {
        ObjectNode root = r.toJson();
        ArrayNode items = root.putArray("changes");
        for (Change change : changes) {
            ObjectNode node = items.addObject();
            node.put("action", change.action().wireName());
            node.put("kind", change.ref().kind().manifestName());
            node.put("name", change.ref().name());
            ArrayNode fields = node.putArray("fields");
            for (FieldChange f : change.fields()) {
                fields.add(PlanWriter.field(f));
            }
        }
        return Json.pretty(root);
    }

    public static String historyJson(List<RevisionRecord> records) {
        return historyJson(records, List.of());
    }

    /** The revisions, and the external actions of the state when it has any ({@code actions}). */
    public static String historyJson(List<RevisionRecord> records, List<ActionRecord> actions) {
        ObjectNode root = Json.object();
        ArrayNode items = root.putArray("items");
        for (RevisionRecord r : records) {
            items.add(r.toJson());
        }
        if (!actions.isEmpty()) {
            ArrayNode list = root.putArray("actions");
            for (ActionRecord a : actions) {
                ObjectNode node = list.addObject();
                node.put("id", a.id());
                node.put("status", a.status().wireName());
                node.put("who", a.who());
                node.put("what", a.what());
                node.put("revision", a.revision());
                node.put("waitingSince", a.waitingAt().toString());
                a.confirmedAt().ifPresent(t -> node.put("confirmedAt", t.toString()));
                a.confirmedBy().ifPresent(b -> node.put("confirmedBy", b));
            }
        }
        return Json.pretty(root);
    }

    /** The external actions of a state: which are waiting, confirmed (by whom, when) or done. */
    public static String actionsTable(List<ActionRecord> actions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ACTION", "STATUS", "SINCE REVISION", "CONFIRMED", "WHO MUST DO WHAT"});
        for (ActionRecord a : actions) {
            rows.add(new String[] {
                a.id(),
                a.status().wireName(),
                String.valueOf(a.revision()),
                a.confirmedAt()
                        .map(t -> t + a.confirmedBy().map(b -> " by " + b).orElse(""))
                        .orElse("-"),
                a.who() + " must " + a.what()
            });
        }
        return table(rows);
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
