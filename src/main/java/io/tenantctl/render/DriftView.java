package io.tenantctl.render;

import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.plan.Drift;
import io.tenantctl.plan.PlanWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Drift as text for people and as {@code {"drift": [...]}} for pipelines. */
public final class DriftView {

    private DriftView() {}

    public static String text(List<Drift> drift, Style style) {
        if (drift.isEmpty()) {
            return style.green("No drift:") + " every declared object is as its applyset last applied it.\n";
        }
        StringBuilder out = new StringBuilder();
        for (Drift d : drift) {
            out.append(style.yellow("! " + d.describe())).append('\n');
            for (FieldChange f : d.fields()) {
                out.append("    ")
                        .append(f.path().substring(1).replace('/', '.'))
                        .append(": applied ")
                        .append(PlanTextView.value(f.before()))
                        .append(", now ")
                        .append(PlanTextView.value(f.after()))
                        .append('\n');
            }
        }
        out.append(DiagnosticsView.plural(drift.size(), "object")).append(" drifted.\n");
        return out.toString();
    }

    public static ObjectNode json(List<Drift> drift) {
        ObjectNode root = Json.object();
        ArrayNode items = root.putArray("drift");
        for (Drift d : drift) {
            items.add(PlanWriter.drift(d));
        }
        return root;
    }
}
