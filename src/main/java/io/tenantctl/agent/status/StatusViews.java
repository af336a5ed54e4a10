package io.tenantctl.agent.status;

import io.tenantctl.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tenantctl status} as text and as JSON ({@code -o json}, and {@code GET /api/v1/status}).
 * Views only: they print what the agent wrote.
 */
public final class StatusViews {

    private StatusViews() {}

    /** {@code {"items": [...]}}, one item per source, by name. */
    public static String json(List<SourceReport> reports) {
        ObjectNode root = Json.object();
        ArrayNode items = root.putArray("items");
        for (SourceReport r : reports) {
            ObjectNode item = StatusCodec.encode(r.status());
            if (r.held().isPresent()) {
                item.set("waitingPlan", StatusCodec.encode(r.held().get()));
            } else {
                item.putNull("waitingPlan");
            }
            ArrayNode history = item.putArray("history");
            r.history().forEach(e -> history.add(StatusCodec.encode(e)));
            items.add(item);
        }
        return Json.pretty(root);
    }

    /** One block per source, as {@code kubectl describe} prints. */
    public static String text(List<SourceReport> reports) {
        StringBuilder out = new StringBuilder();
        for (SourceReport r : reports) {
            SourceStatus s = r.status();
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("Source ").append(s.name()).append('\n');
            field(
                    out,
                    "Repository",
                    s.url() + " (branch " + s.branch() + ", paths " + String.join(", ", s.paths()) + ", applyset "
                            + s.applyset() + ")");
            field(out, "Leader", s.leader().isEmpty() ? "-" : s.leader());
            field(
                    out,
                    "Observed",
                    s.observedCommit().isEmpty()
                            ? "nothing yet"
                            : "commit " + s.observedCommit() + ", state revision " + s.observedRevision());
            field(
                    out,
                    "Last apply",
                    s.lastApply()
                            .map(a -> "revision " + a.revision() + " at " + a.time() + " (" + a.steps()
                                    + " steps from commit " + abbreviate(a.commit()) + ")")
                            .orElse("none"));
            field(out, "Last cycle", time(s.lastCycle()) + " (cycle " + s.cycle() + ")");
            field(out, "Next cycle", time(s.nextCycle()));
            field(out, "Drifted", s.driftedObjects() + " objects");
            out.append("  Conditions:\n");
            out.append(
                    String.format("    %-12s %-7s %-17s %-21s %s%n", "TYPE", "STATUS", "REASON", "SINCE", "MESSAGE"));
            for (Condition c : s.conditions()) {
                String[] lines = c.message().split("\n", -1);
                out.append(String.format(
                        "    %-12s %-7s %-17s %-21s %s%n",
                        c.type().wireName(),
                        c.status().wireName(),
                        c.reason(),
                        c.lastTransitionTime().truncatedTo(ChronoUnit.SECONDS),
                        lines[0]));
                for (int i = 1; i < lines.length; i++) {
                    out.append("    ").append(" ".repeat(60)).append(lines[i]).append('\n');
                }
            }
            if (r.held().isPresent()) {
                HeldPlan h = r.held().get();
                field(
                        out,
                        "Waiting plan",
                        h.digest() + " (" + h.steps() + " steps " + h.classes() + ", base revision " + h.baseRevision()
                                + ", commit " + abbreviate(h.commit()) + ") since " + h.heldAt());
                field(
                        out,
                        "",
                        h.approval()
                                .map(a -> "approved by " + a.by() + " at " + a.at() + "; the agent applies it next")
                                .orElse("approve with: " + h.approveCommand()));
            } else {
                field(out, "Waiting plan", "none");
            }
            field(
                    out,
                    "External actions",
                    s.externalActions().isEmpty()
                            ? "none waiting"
                            : s.externalActions().size() + " waiting");
            for (ExternalAction a : s.externalActions()) {
                field(out, "", a.id() + ": " + a.step() + " (" + a.who() + ", since " + a.since() + ")");
            }
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format("  %-17s %s%n", name.isEmpty() ? "" : name + ":", value));
    }

    private static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse("-");
    }

    private static String abbreviate(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
