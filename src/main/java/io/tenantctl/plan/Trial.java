package io.tenantctl.plan;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Severity;
import io.tenantctl.model.Names;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Effect;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tries one step on a working world, as every part of the scheduler does: its precondition, who
 * may act (the {@code --as} identities, or every holder in the profile's order), the step as each
 * actor would do it, and the rules around it.
 */
final class Trial {

    private final Profile profile;
    private final StepRunner runner;
    private final List<String> as;
    private long tries;

    Trial(Profile profile, List<String> as) {
        this.profile = profile;
        this.runner = new StepRunner(profile);
        this.as = as;
    }

    Profile profile() {
        return profile;
    }

    /** How many times a step was run so far, to bound the work of what searches. */
    long tries() {
        return tries;
    }

    /** One way to do a step now: the step as bound to its actor, and the first actor that does it so. */
    record Way(Step bound, Optional<String> actor, String authority) {}

    /** The ways a step can be done now, or why it cannot be done by anyone allowed. */
    record Ways(List<Way> ways, Optional<Violation> refused) {}

    /** A step done: the world holds it, with the step's mark still open for the caller to keep or undo. */
    record Done(Way way, List<Effect> effects) {}

    /** The outcome of a try. */
    record Outcome(Optional<Done> done, Optional<Violation> failure) {

        static Outcome of(Done done) {
            return new Outcome(Optional.of(done), Optional.empty());
        }

        static Outcome failed(Violation why) {
            return new Outcome(Optional.empty(), Optional.of(why));
        }
    }

    boolean isDone(Step step, MutableWorld world) {
        return profile.steps().isDone(step, world);
    }

    /**
     * The distinct ways to do the step now: one per distinct bound step (an actor changes what a
     * step does only where the profile says so, as who signs up for a new tenant), each with the
     * first actor in order of preference that does it that way.
     */
    Ways ways(Step step, MutableWorld world) {
        Optional<Refusal> refusal = profile.preconditions().check(step, world);
        if (refusal.isPresent()) {
            return new Ways(
                    List.of(),
                    Optional.of(blocked(
                            step, refusalCode(refusal.get()), refusal.get().message())));
        }
        Authority authority = profile.authority().of(step, world);
        List<Optional<String>> actors = actors(authority, as);
        if (actors.isEmpty()) {
            return new Ways(List.of(), Optional.of(unauthorized(step, authority, world)));
        }
        Map<Step, Way> distinct = new LinkedHashMap<>();
        for (Optional<String> actor : actors) {
            Step bound = profile.steps().bind(step, actor, world);
            distinct.putIfAbsent(bound, new Way(bound, actor, authority.description()));
        }
        return new Ways(new ArrayList<>(distinct.values()), Optional.empty());
    }

    /**
     * Does the step one way. On success the world holds it with the step's mark open (commit or
     * roll back); otherwise the world is as before and the rule it would break is returned.
     */
    Outcome run(Step step, Way way, MutableWorld world) {
        tries++;
        StepRunner.Check check = runner.run(way.bound(), world);
        if (check.broken().isEmpty()) {
            return Outcome.of(new Done(way, check.effects()));
        }
        world.rollback();
        Violation broken = check.broken().get(0);
        return Outcome.failed(
                blocked(step, Codes.NO_LEGAL_ORDER, "would break " + broken.code() + ": " + broken.message()));
    }

    /**
     * The first way that works, actors in order of preference, with its mark open; or why none
     * does. Binds lazily: most steps run with their first actor, and an actor that does not change
     * what the step does would fail as the first one did.
     */
    Outcome first(Step step, MutableWorld world) {
        Optional<Refusal> refusal = profile.preconditions().check(step, world);
        if (refusal.isPresent()) {
            return Outcome.failed(
                    blocked(step, refusalCode(refusal.get()), refusal.get().message()));
        }
        Authority authority = profile.authority().of(step, world);
        Iterator<Optional<String>> actors = actorsInOrder(authority, as);
        if (!actors.hasNext()) {
            return Outcome.failed(unauthorized(step, authority, world));
        }
        Outcome last = null;
        while (actors.hasNext()) {
            // Asked for only after the last try was undone: holders may be found as they are
            // asked for, against the world as it was when the authority was asked for.
            Optional<String> actor = actors.next();
            Step bound = profile.steps().bind(step, actor, world);
            last = run(step, new Way(bound, actor, authority.description()), world);
            if (last.done().isPresent() || bound == step || bound.equals(step)) {
                return last;
            }
        }
        return last;
    }

    /** The step as a plan shows it: accounts as declared. */
    static Step shown(Step bound, MutableWorld world) {
        return bound.withAccountShown(a -> world.display(Names.key(a)));
    }

    /**
     * Who may act: the {@code --as} identities that hold the authority, in the order given; without
     * {@code --as}, every holder in the profile's order of preference.
     */
    static List<Optional<String>> actors(Authority authority, List<String> as) {
        if (authority.anyone()) {
            return ANYONE;
        }
        List<String> holders = authority.holders();
        List<Optional<String>> out = new ArrayList<>();
        if (!as.isEmpty()) {
            for (String identity : as) {
                if (holders.contains(identity)) {
                    out.add(Optional.of(identity));
                }
            }
            return out;
        }
        for (String holder : holders) {
            out.add(Optional.of(holder));
        }
        return out;
    }

    /**
     * {@link #actors}, one at a time: without {@code --as}, the holders are taken only as far as
     * the first that does the step.
     */
    private static Iterator<Optional<String>> actorsInOrder(Authority authority, List<String> as) {
        if (authority.anyone() || !as.isEmpty()) {
            return actors(authority, as).iterator();
        }
        Iterator<String> holders = authority.holders().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return holders.hasNext();
            }

            @Override
            public Optional<String> next() {
                return Optional.of(holders.next());
            }
        };
    }

    private static final List<Optional<String>> ANYONE = List.of(Optional.empty());

    private Violation unauthorized(Step step, Authority authority, MutableWorld world) {
        String holders = authority.holders().isEmpty()
                ? "nobody holds it at this point"
                : "held by "
                        + String.join(
                                ", ",
                                authority.holders().stream()
                                        .sorted()
                                        .map(world::display)
                                        .toList());
        String message = step.describe() + " needs " + authority.description() + "; " + holders;
        if (!as.isEmpty() && !authority.holders().isEmpty()) {
            message += ", and none of them is among the --as identities (" + String.join(", ", as) + ")";
        }
        return blocked(step, Codes.UNAUTHORIZED, message);
    }

    static Violation blocked(Step step, String code, String why) {
        Causes.Cause cause = Causes.of(step);
        String message = why.startsWith(step.describe()) ? why : step.describe() + ": " + why;
        return new Violation(Severity.ERROR, code, message, step.target(), cause.pointer(), cause.element());
    }

    /**
     * Refusals that are a matter of order (something does not exist yet, or still exists) mean no
     * legal order was found; refusals that are rules of their own keep their code.
     */
    private static String refusalCode(Refusal refusal) {
        return switch (refusal.code()) {
            case Codes.UNKNOWN_REFERENCE, Codes.DUPLICATE_OBJECT, Codes.DUPLICATE_SIGN_IN_NAME -> Codes.NO_LEGAL_ORDER;
            default -> refusal.code();
        };
    }
}
