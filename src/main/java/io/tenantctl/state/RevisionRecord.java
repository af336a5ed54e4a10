package io.tenantctl.state;

import io.tenantctl.json.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One applied revision, as the history keeps it.
 *
 * @param as      the {@code --as} identities the apply was restricted to
 * @param actors  the accounts that act in its steps, sorted
 * @param summary counts of created, updated, deleted, unchanged and kept objects
 * @param source  where the manifests came from ({@code paths}; with git, {@code commit})
 * @param steps   each step, with its canonical JSON
 * @param operator who ran the apply: {@code user} (the operating-system user, or
 *                 {@code TENANTCTL_OPERATOR}) and, in a CI job, {@code ci} (the service),
 *                 {@code run} (a link to the run) and {@code triggeredBy}; empty for revisions
 *                 applied before tenantctl recorded it
 */
public record RevisionRecord(
        long revision,
        Instant time,
        List<String> as,
        List<String> actors,
        Map<String, Integer> summary,
        String digest,
        Map<String, String> source,
        String applyset,
        List<StepEntry> steps,
        Map<String, String> operator) {

    /** A revision whose operator is not known. */
    public RevisionRecord(
            long revision,
            Instant time,
            List<String> as,
            List<String> actors,
            Map<String, Integer> summary,
            String digest,
            Map<String, String> source,
            String applyset,
            List<StepEntry> steps) {
        this(revision, time, as, actors, summary, digest, source, applyset, steps, Map.of());
    }

    public RevisionRecord {
        operator = Map.copyOf(operator);
        as = List.copyOf(as);
        actors = List.copyOf(actors);
        summary = Map.copyOf(summary);
        source = Map.copyOf(source);
        // Not copied: an apply passes a list that encodes each step as the store writes it, so
        // that a revision of a few hundred thousand steps is never held as JSON all at once.
        steps = Collections.unmodifiableList(steps);
    }

    /** The same revision with its steps. */
    public RevisionRecord withSteps(List<StepEntry> steps) {
        return new RevisionRecord(revision, time, as, actors, summary, digest, source, applyset, steps, operator);
    }

    /** The revision as {@code history -o json} shows it, and as a state's digest covers it. */
    public ObjectNode toJson() {
        ObjectNode item = Json.object();
        item.put("revision", revision);
        item.put("time", time.toString());
        ArrayNode actorNodes = item.putArray("actors");
        actors.forEach(actorNodes::add);
        ArrayNode asNodes = item.putArray("as");
        as.forEach(asNodes::add);
        ObjectNode summaryNode = item.putObject("summary");
        new TreeMap<>(summary).forEach(summaryNode::put);
        item.put("digest", digest);
        item.set("source", Json.map(new TreeMap<>(source)));
        item.put("applyset", applyset);
        item.set("operator", Json.map(new TreeMap<>(operator)));
        ArrayNode stepNodes = item.putArray("steps");
        for (StepEntry step : steps) {
            stepNodes.add(Json.parse(step.json()));
        }
        return item;
    }
}
