package io.tenantctl.render;

import io.tenantctl.model.Kind;
import io.tenantctl.model.Names;
import io.tenantctl.step.Impact;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Mermaid picture of a plan's first steps: chained in order, each with edges to the object it
 * acts on, the account it grants, revokes or names, and a transfer's tenants. Node ids are made
 * here ({@code s3}, {@code o1}, {@code a2}); text from manifests appears only in quoted,
 * allow-listed labels ({@link Markdown#label}).
 */
final class MarkdownDiagram {

    private MarkdownDiagram() {}

    /** A flowchart of these steps, as a fenced {@code mermaid} block. */
    static String of(List<PlannedStep> steps) {
        StringBuilder nodes = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        Map<String, String> objects = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        Map<String, List<String>> classes = new TreeMap<>();
        String previous = null;
        for (PlannedStep planned : steps) {
            Step step = planned.step();
            Set<Impact> impact = StepImpacts.of(planned);
            String id = "s" + planned.index();
            nodes.append("  ")
                    .append(id)
                    .append("[\"")
                    .append(planned.index())
                    .append(". ")
                    .append(Markdown.label(step.op().wireName()))
                    .append("\"]\n");
            if (previous != null) {
                edges.append("  ").append(previous).append(" ==> ").append(id).append('\n');
            }
            previous = id;
            edge(
                    edges,
                    id,
                    "-->",
                    node(objects, "o", step.target().toString(), step.target().toString(), nodes));
            if (step.account().isPresent()) {
                // The account a step names is the one that gets the role when it grants (a service
                // administrator replaced loses it by an effect), the one that loses it otherwise.
                String label = impact.contains(Impact.GRANT)
                        ? "gets rights"
                        : impact.contains(Impact.REVOKE) ? "loses rights" : "account";
                edge(
                        edges,
                        id,
                        "-.->|" + label + "|",
                        node(
                                accounts,
                                "a",
                                Names.key(step.account().get()),
                                step.account().get(),
                                nodes));
            }
            if (step.from().isPresent() && step.to().isPresent()) {
                for (String[] end : new String[][] {
                    {"from", step.from().get()}, {"to", step.to().get()}
                }) {
                    String tenant = Kind.TENANT.manifestName() + "/" + end[1];
                    edge(edges, id, "-.->|" + end[0] + "|", node(objects, "o", tenant, tenant, nodes));
                }
            }
            styleOf(impact)
                    .ifPresent(name -> classes.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(id));
        }
        StringBuilder out =
                new StringBuilder("```mermaid\nflowchart TD\n").append(nodes).append(edges);
        out.append("  classDef grant stroke:#1a7f37,stroke-width:3px\n");
        out.append("  classDef revoke stroke:#cf222e,stroke-width:3px\n");
        out.append("  classDef delete stroke:#cf222e,stroke-width:3px,stroke-dasharray:5 5\n");
        out.append("  classDef tenancy stroke:#9a6700,stroke-width:3px\n");
        classes.forEach((name, ids) -> out.append("  class ")
                .append(String.join(",", ids))
                .append(' ')
                .append(name)
                .append('\n'));
        return out.append("```\n").toString();
    }

    /** One style per node (Mermaid draws one): the most harmful of what the step does. */
    private static Optional<String> styleOf(Set<Impact> impact) {
        for (Impact i : new Impact[] {Impact.DELETE, Impact.REVOKE, Impact.GRANT, Impact.TENANCY}) {
            if (impact.contains(i)) {
                return Optional.of(i.wireName());
            }
        }
        return Optional.empty();
    }

    private static void edge(StringBuilder edges, String from, String arrow, String to) {
        edges.append("  ")
                .append(from)
                .append(' ')
                .append(arrow)
                .append(' ')
                .append(to)
                .append('\n');
    }

    private static String node(Map<String, String> ids, String prefix, String key, String label, StringBuilder nodes) {
        String id = ids.get(key);
        if (id == null) {
            id = prefix + (ids.size() + 1);
            ids.put(key, id);
            nodes.append("  ")
                    .append(id)
                    .append("[\"")
                    .append(Markdown.label(label))
                    .append("\"]\n");
        }
        return id;
    }
}
