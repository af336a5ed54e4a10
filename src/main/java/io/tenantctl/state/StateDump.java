package io.tenantctl.state;

import io.tenantctl.json.Json;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole state: the current snapshot and every revision of its history. What {@code state copy}
 * moves between stores, and what its content digest is computed over, so that a copy can be
 * verified to hold exactly what the source held.
 */
public record StateDump(
        Snapshot snapshot, List<RevisionRecord> history, Map<String, Map<ObjectRef, Applied>> applied, String profile) {

    public StateDump {
        history = List.copyOf(history);
        applied = Map.copyOf(applied);
    }

    /** A dump of a classic state. */
    public StateDump(Snapshot snapshot, List<RevisionRecord> history, Map<String, Map<ObjectRef, Applied>> applied) {
        this(snapshot, history, applied, "classic");
    }

    public int steps() {
        return history.stream().mapToInt(r -> r.steps().size()).sum();
    }

    /** SHA-256 of the canonical JSON of everything: lineage, revision, objects, ownership, history. */
    public String digest() {
        ObjectNode root = Json.object();
        root.put("lineage", snapshot.lineage());
        root.put("revision", snapshot.revision());
        if (!profile.equals("classic")) {
            // left out for classic, so that the digests of states copied before profiles stay the same
            root.put("profile", profile);
        }
        ArrayNode objects = root.putArray("objects");
        for (WorldObject object : snapshot.world().objects()) {
            ObjectNode entry = objects.addObject();
            entry.set("manifest", Json.parse(ManifestCodec.canonicalJson(object)));
            snapshot.ownership(object.ref()).ifPresent(o -> {
                entry.put("revision", o.revision());
                entry.put("applyset", o.applyset());
                entry.put("source", o.source());
            });
        }
        ObjectNode appliedNode = root.putObject("applied");
        for (String applyset : new TreeMap<>(applied).keySet()) {
            ArrayNode entries = appliedNode.putArray(applyset);
            for (Map.Entry<ObjectRef, Applied> e : new TreeMap<>(applied.get(applyset)).entrySet()) {
                ObjectNode entry = entries.addObject();
                entry.set("manifest", ManifestCodec.encode(e.getValue().object()));
                entry.put("revision", e.getValue().revision());
                entry.put("source", e.getValue().source());
            }
        }
        ArrayNode revisions = root.putArray("history");
        List<RevisionRecord> ordered = new ArrayList<>(history);
        ordered.sort((a, b) -> Long.compare(a.revision(), b.revision()));
        for (RevisionRecord r : ordered) {
            revisions.add(r.toJson());
        }
        return Json.digest(root);
    }
}
