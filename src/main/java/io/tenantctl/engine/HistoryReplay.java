package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.Differ;
import io.tenantctl.json.Json;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.StepJson;
import io.tenantctl.plan.StepRunner;
import io.tenantctl.profile.Profile;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StepEntry;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The world at any revision, rebuilt from the history alone: every revision's steps, replayed in
 * order from the empty world of revision 0, do what they did when they were applied (steps are
 * deterministic, and each one's JSON holds what it sets). The store keeps only the current world,
 * so this is how {@code history show} tells what a past revision changed.
 */
final class HistoryReplay {

    private HistoryReplay() {}

    static Optional<RevisionChanges> changes(List<RevisionRecord> newestFirst, Profile profile, long wanted) {
        StepRunner runner = new StepRunner(profile);
        MutableWorld world = World.empty().toMutable();
        List<RevisionRecord> history = new ArrayList<>(newestFirst);
        history.sort((a, b) -> Long.compare(a.revision(), b.revision()));
        for (RevisionRecord revision : history) {
            if (revision.revision() > wanted) {
                break;
            }
            World before = revision.revision() == wanted ? world.snapshot() : null;
            List<PlannedStep> steps = new ArrayList<>();
            for (StepEntry entry : revision.steps()) {
                PlannedStep step = read(revision, entry);
                runner.run(step.step(), world);
                world.commit();
                steps.add(step);
            }
            if (before != null) {
                return Optional.of(new RevisionChanges(revision, steps, diff(before, world.snapshot())));
            }
        }
        return Optional.empty();
    }

    private static PlannedStep read(RevisionRecord revision, StepEntry entry) {
        try {
            return StepJson.read(Json.parse(entry.json()));
        } catch (RuntimeException e) {
            throw new StateException(
                    Codes.STATE,
                    "revision " + revision.revision() + " holds a step this version cannot read (" + entry.op() + " "
                            + entry.target() + "): " + e.getMessage());
        }
    }

    /** Per object, what differs between two worlds, in kind and name order. */
    private static List<Change> diff(World before, World after) {
        TreeSet<ObjectRef> refs = new TreeSet<>();
        before.objects().forEach(o -> refs.add(o.ref()));
        after.objects().forEach(o -> refs.add(o.ref()));
        List<Change> changes = new ArrayList<>();
        for (ObjectRef ref : refs) {
            Optional<WorldObject> was = before.get(ref);
            Optional<WorldObject> is = after.get(ref);
            if (was.equals(is)) {
                continue;
            }
            ChangeAction action =
                    was.isEmpty() ? ChangeAction.CREATE : is.isEmpty() ? ChangeAction.DELETE : ChangeAction.UPDATE;
            changes.add(new Change(
                    action,
                    ref,
                    was,
                    is,
                    action == ChangeAction.UPDATE ? Differ.fields(was.get(), is.get()) : List.of()));
        }
        return changes;
    }
}
