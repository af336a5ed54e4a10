package io.tenantctl.plan;

import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.WireName;
import io.tenantctl.model.ObjectRef;
import java.util.List;
import java.util.Map;

/**
 * An object whose live state is no longer what its applyset's manifests last applied: another
 * apply (another applyset, another source, someone by hand with other manifests) changed or
 * deleted it since.
 *
 * @param status           whether it was changed or deleted
 * @param appliedRevision  the revision at which the applyset last applied it
 * @param changedRevision  the revision that changed or deleted it since (0 when unknown)
 * @param time             when that revision was applied
 * @param actors           who acted in it
 * @param applyset         the applyset that made it
 * @param source           where its manifests came from
 * @param fields           what differs, from what was applied (before) to what is live (after)
 * @param observedBy       the live provider that read a change made outside tenantctl (in the tenants
 *                         themselves, by the portal, a script, another tool); empty when a revision of
 *                         the state made it
 */
public record Drift(
        ObjectRef ref,
        Status status,
        long appliedRevision,
        long changedRevision,
        String time,
        List<String> actors,
        String applyset,
        Map<String, String> source,
        List<FieldChange> fields,
        String observedBy) {

    /** What happened to a drifted object since its applyset applied it. */
    public enum Status implements WireName {
        CHANGED("changed"),
        DELETED("deleted");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        /** As plans, {@code drift -o json} and the text say it. */
        @Override
        public String wireName() {
            return wireName;
        }

        public static Status fromWireName(String name) {
            return WireName.of(Status.class, name);
        }
    }

    public Drift {
        actors = List.copyOf(actors);
        source = Map.copyOf(source);
        fields = List.copyOf(fields);
    }

    /** One line for people: who changed it, when, from where. */
    public String describe() {
        if (!observedBy.isEmpty()) {
            return ref + " was " + status.wireName() + " outside tenantctl (the " + observedBy
                    + " provider reads it so in the tenants now) after this applyset applied it in revision "
                    + appliedRevision;
        }
        String by = changedRevision == 0
                ? "by an unknown revision"
                : "in revision " + changedRevision + " (" + time
                        + (actors.isEmpty() ? "" : ", by " + String.join(", ", actors)) + ", applyset " + applyset
                        + (source.isEmpty() ? "" : ", from " + Plan.sourceLine(source, ' ')) + ")";
        return ref + " was " + status.wireName() + " " + by + " after this applyset applied it in revision "
                + appliedRevision;
    }
}
