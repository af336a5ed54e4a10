package io.tenantctl.engine;

import io.tenantctl.apply.Applier;
import io.tenantctl.apply.ApplyResult;
import io.tenantctl.apply.LiveApplier;
import io.tenantctl.apply.Outcome;
import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diag.Progress;
import io.tenantctl.diag.Timings;
import io.tenantctl.load.Document;
import io.tenantctl.load.GitManifestSource;
import io.tenantctl.load.Limits;
import io.tenantctl.load.LoadResult;
import io.tenantctl.load.ManifestLoader;
import io.tenantctl.load.RawFiles;
import io.tenantctl.load.WorkingTree;
import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.Drift;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.Profiles;
import io.tenantctl.provider.Observation;
import io.tenantctl.provider.Performer;
import io.tenantctl.provider.Provider;
import io.tenantctl.provider.RecordProvider;
import io.tenantctl.state.AbsentState;
import io.tenantctl.state.JournalRun;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateMissingException;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.state.jdbc.StateUrl;
import io.tenantctl.validate.DesiredState;
import io.tenantctl.validate.ManifestValidator;
import io.tenantctl.validate.SchemaValidator;
import io.tenantctl.validate.Silencing;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** The entry point of every use case; holds what is costly to build once (the schemas). */
public final class Engine {

    /** The repository of {@code --git-ref} without {@code --repo}: the one holding the current directory. */
    private static final Path HERE = Path.of("");

    /** Documents in one file from which they are checked in parallel rather than in turn. */
    private static final int PARALLEL_DOCUMENTS = 64;

    /** The profile asked for ({@code --profile}), or the default: a new state's, and {@code validate}'s. */
    private final Profile profile;
    /** Whether {@code --profile} asked for it: then a state of another profile is an error. */
    private final boolean chosen;

    private final Provider provider;
    private final ManifestLoader loader = new ManifestLoader(Limits.DEFAULT);
    private final WorkingTree workingTree;
    private final Clock clock;
    private final Supplier<String> lineages;
    private ManifestValidator validator;

    public Engine(Profile profile, Supplier<InputStream> stdin, Clock clock, Supplier<String> lineages) {
        this(profile, false, new RecordProvider(), stdin, clock, lineages);
    }

    /** An engine whose plans are made against what {@code provider} observes. */
    public Engine(
            Profile profile, Provider provider, Supplier<InputStream> stdin, Clock clock, Supplier<String> lineages) {
        this(profile, false, provider, stdin, clock, lineages);
    }

    /**
     * @param profile the profile a state created now gets, and that {@code validate} checks by
     * @param chosen  whether the user asked for it: a state of another profile is then an error
     */
    public Engine(
            Profile profile,
            boolean chosen,
            Provider provider,
            Supplier<InputStream> stdin,
            Clock clock,
            Supplier<String> lineages) {
        this.profile = profile;
        this.chosen = chosen;
        this.provider = provider;
        this.workingTree = new WorkingTree(Limits.DEFAULT, stdin);
        this.clock = clock;
        this.lineages = lineages;
    }

    /** Loads and checks manifests on their own: schema, duplicates and every rule. */
    public Validation validate(Manifests manifests) {
        return validate(manifests, Silencing.NONE);
    }

    /**
     * Loads and checks manifests on their own: schema, duplicates and every rule; the warnings the
     * objects' annotations and {@code run} silence are counted, not shown.
     */
    public Validation validate(Manifests manifests, Silencing run) {
        Validation read = read(manifests, Progress.NONE);
        ManifestValidator.Located rules =
                Timings.time("rules", () -> ManifestValidator.checkRules(profile.rules(), read.desired()));
        return read.with(rules.diagnostics().sorted(), rules.silenced()).silencing(run);
    }

    /** Loads and checks manifests up to the schema and duplicates, from the working tree or from git. */
    public Validation read(Manifests manifests, Progress progress) {
        ManifestValidator validator = validator();
        progress.phase("reading manifests", 0);
        List<Diagnostic> outside = new ArrayList<>();
        RawFiles raw = Timings.time("read files", () -> read(manifests, outside));
        progress.phase("reading manifests", raw.files().size());
        // Each file is parsed, checked and bound on its own, in parallel; only its source maps and
        // objects are kept, never all the trees at once. A large file's documents are checked in
        // parallel too, so that one file of thousands of documents does not hold up the end of the run.
        List<FileResult> perFile = Timings.time(
                "parse+schema+bind",
                () -> raw.files().parallelStream()
                        .map(file -> {
                            LoadResult loaded = loader.parse(file);
                            List<Document> documents = loaded.documents();
                            FileResult result = new FileResult(
                                    loaded.diagnostics(),
                                    (documents.size() >= PARALLEL_DOCUMENTS
                                                    ? documents.parallelStream()
                                                    : documents.stream())
                                            .map(validator::check)
                                            .toList());
                            progress.advance(1);
                            return result;
                        })
                        .toList());
        List<Diagnostic> problems = new ArrayList<>(raw.diagnostics());
        problems.addAll(outside);
        List<ManifestValidator.Checked> all = new ArrayList<>();
        for (FileResult file : perFile) {
            problems.addAll(file.problems());
            all.addAll(file.checked());
        }
        ManifestValidator.Result result = validator.assemble(problems, all);
        Map<String, String> source = new TreeMap<>(manifests.source());
        raw.commitId().ifPresent(id -> source.put("commit", id));
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics().sorted());
        if (!manifests.allowEmpty()
                && result.desired().objects().isEmpty()
                && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            diagnostics.add(Diagnostic.error(Codes.EMPTY, empty(manifests, raw)));
        }
        return new Validation(result.desired(), diagnostics, source);
    }

    /** Why an empty manifest set is refused: a mistyped or emptied folder would otherwise plan to keep nothing. */
    private static String empty(Manifests manifests, RawFiles raw) {
        String where = String.join(", ", manifests.paths())
                + manifests.gitRef().map(ref -> " at git ref " + ref).orElse("");
        return (raw.files().isEmpty()
                        ? "no manifest files (.yaml, .yml or .json) in " + where
                        : "the manifests in " + where + " declare no objects")
                + "; if that is intended (to plan against an empty set), pass --allow-empty";
    }

    /**
     * Reads the files: from the working tree (and standard input), or from a commit of a repository,
     * the paths then being relative to the current directory (or --repo) as git takes them.
     */
    private RawFiles read(Manifests manifests, List<Diagnostic> problems) {
        if (manifests.gitRef().isEmpty()) {
            return workingTree.read(manifests.paths());
        }
        Path base = manifests.repository().orElse(HERE);
        GitPaths.Result paths = GitPaths.fromTop(base, manifests.paths());
        problems.addAll(paths.problems());
        return new GitManifestSource(Limits.DEFAULT)
                .at(base, manifests.gitRef().get())
                .read(paths.paths());
    }

    /** One file read and checked: its reading problems and its documents. */
    private record FileResult(List<Diagnostic> problems, List<ManifestValidator.Checked> checked) {}

    private ManifestValidator validator() {
        if (validator == null) {
            validator = new ManifestValidator(new SchemaValidator());
        }
        return validator;
    }

    /** Opens (and on first use creates) the state store a {@code --state} URL names. */
    public StateStore openStore(String url, Duration lockTimeout) {
        StateStore store = Timings.time(
                "open state", () -> JdbcStateStore.open(url, clock, lineages, lockTimeout, profile.name()));
        profileOf(store);
        return store;
    }

    /**
     * The profile of a state: the one it was created under. A {@code --profile} that disagrees is
     * an error naming both ({@link Codes#PROFILE}), as is a profile this build does not know.
     */
    public Profile profileOf(StateStore store) {
        String name = store.profile();
        if (chosen && !name.equals(profile.name())) {
            throw new StateException(
                    Codes.PROFILE,
                    "the state at " + store.location() + " was created under the " + name + " profile, and --profile "
                            + profile.name() + " disagrees; a state keeps its profile for life (leave out --profile,"
                            + " or use another state)");
        }
        return Profiles.named(name)
                .orElseThrow(() -> new StateException(
                        Codes.PROFILE,
                        "the state at " + store.location() + " was created under the " + name
                                + " profile, which this tenantctl does not know; upgrade tenantctl"));
    }

    /**
     * Opens a store that must already hold a state; a missing one is a
     * {@link io.tenantctl.state.StateMissingException} naming the URL, and nothing is created.
     */
    public StateStore openExistingStore(String url, Duration lockTimeout) {
        StateStore store =
                Timings.time("open state", () -> JdbcStateStore.openExisting(url, clock, lineages, lockTimeout));
        profileOf(store);
        return store;
    }

    /**
     * The store for a plan: the state if it exists, or else an {@link AbsentState} to plan a first
     * apply against, empty at revision 0; nothing is created either way.
     */
    public StateStore openStoreForPlan(String url, Duration lockTimeout) {
        try {
            return openExistingStore(url, lockTimeout);
        } catch (StateMissingException e) {
            return new AbsentState(StateUrl.parse(url).display(), profile.name());
        }
    }

    /**
     * The store for an apply: the state if it exists, or else one that the apply's first write
     * creates ({@link DeferredState}): an apply that writes nothing creates nothing.
     */
    public StateStore openStoreForApply(String url, Duration lockTimeout) {
        try {
            return openExistingStore(url, lockTimeout);
        } catch (StateMissingException e) {
            return new DeferredState(
                    new AbsentState(StateUrl.parse(url).display(), profile.name()), () -> openStore(url, lockTimeout));
        }
    }

    /** A plan of the manifests against the current state, without taking the lock. */
    public Plan plan(Validation validation, StateStore store, PlanOptions options, Progress progress) {
        Profile stateProfile = profileOf(store);
        refuseProvider(stateProfile);
        progress.phase("reading the state", 0);
        Snapshot stored = Timings.time("read state", store::read);
        if (!provider.live()) {
            return new PlanMaker(stateProfile)
                    .plan(validation, stored, options, drift(store, stored, options), progress)
                    .plan();
        }
        return planLive(validation, store, stored, stateProfile, options, progress)
                .plan();
    }

    /** A plan made against what a live provider read, and that reading. */
    private record LivePlan(Plan plan, Observation seen) {}

    private LivePlan planLive(
            Validation validation,
            StateStore store,
            Snapshot stored,
            Profile stateProfile,
            PlanOptions options,
            Progress progress) {
        progress.phase("reading the connected tenants", 0);
        WorldView desired = desiredWorld(validation.desired().objects());
        Observation seen = Timings.time("observe", () -> provider.observe(stored.world(), desired));
        Snapshot state = new Snapshot(stored.lineage(), stored.revision(), seen.world(), stored.ownership());
        Plan plan = new PlanMaker(stateProfile)
                .plan(validation, state, options, drift(store, state, options), progress)
                .plan();
        return new LivePlan(Sightings.apply(plan, seen, seen.world(), desired, options.silencing()), seen);
    }

    /** A live provider speaks one era's APIs: under any other profile it is refused before any request. */
    private void refuseProvider(Profile stateProfile) {
        if (!provider.worksUnder(stateProfile.name())) {
            throw new StateException(
                    Codes.PROVIDER,
                    "the " + provider.name() + " provider works under the entra profile, whose steps are today's"
                            + " (guests, role assignments, owners); this state's profile is " + stateProfile.name()
                            + " (no tenant was contacted)");
        }
    }

    /** The declared objects as a world to look names up in; a duplicate (an error of its own) is left out. */
    private static WorldView desiredWorld(List<WorldObject> objects) {
        Set<ObjectRef> refs = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        List<WorldObject> unique = new ArrayList<>();
        for (WorldObject o : objects) {
            boolean fresh = refs.add(o.ref()) && (!(o instanceof Account a) || accounts.add(a.key()));
            if (fresh) {
                unique.add(o);
            }
        }
        return World.of(unique);
    }

    /**
     * Declared objects changed since the applyset last applied them: by other applies, as the
     * state records them; through a live provider, by anyone, as the tenants show them now.
     */
    public DriftReport drift(Validation validation, StateStore store, String applyset) {
        List<WorldObject> declared = validation.desired().objects();
        if (!provider.live()) {
            return new DriftReport(DriftFinder.find(store, store.read(), applyset, declared), List.of());
        }
        refuseProvider(profileOf(store));
        Snapshot stored = Timings.time("read state", store::read);
        WorldView desired = desiredWorld(declared);
        Observation seen = Timings.time("observe", () -> provider.observe(stored.world(), desired));
        List<Diagnostic> unknown = new ArrayList<>();
        for (Observation.Unseen unseen : seen.unseen()) {
            if (declared.stream().anyMatch(Sightings.concerns(unseen, seen.world(), desired))) {
                unknown.add(Diagnostic.error(
                        Codes.UNSEEN,
                        unseen.what() + " could not be seen (" + unseen.why() + "); whether they drifted is"
                                + " unknown",
                        Location.NONE));
            }
        }
        return new DriftReport(
                DriftFinder.findLive(store, stored, applyset, declared, seen.world(), provider.name()), unknown);
    }

    /** What a revision changed, against the revision before it; empty when there is no such revision. */
    public Optional<RevisionChanges> revisionChanges(StateStore store, long revision) {
        if (store.revision(revision).isEmpty()) {
            return Optional.empty();
        }
        return Timings.time(
                "replay history", () -> HistoryReplay.changes(store.history(0), profileOf(store), revision));
    }

    private static Function<DesiredState, List<Drift>> drift(StateStore store, Snapshot state, PlanOptions options) {
        return desired ->
                Timings.time("drift", () -> DriftFinder.find(store, state, options.applyset(), desired.objects()));
    }

    /** Plans under the store's lock and applies the plan, as {@code apply -f} does. */
    public ApplyResult apply(
            Validation validation, StateStore store, PlanOptions options, Applier.Request request, Progress progress) {
        Profile stateProfile = profileOf(store);
        refuseLive("apply -f (plan and apply in one go)");
        PlanMaker maker = new PlanMaker(stateProfile);
        return new Applier(stateProfile, clock)
                .apply(
                        store,
                        locked -> maker.plan(validation, locked, options, drift(store, locked, options), progress),
                        request);
    }

    /**
     * A use case a live provider does not serve (yet): refused before anything is read or sent, so
     * that nothing claims to have changed tenants that it did not change.
     */
    private void refuseLive(String what) {
        if (provider.live()) {
            throw new StateException(
                    Codes.PROVIDER,
                    what + " is not done through the " + provider.name() + " provider; see docs/provider.md for"
                            + " what it does today");
        }
    }

    /**
     * Plans the manifests against what the live provider reads and applies that plan to the
     * tenants ({@code apply -f --provider azure}), through the same journaled run as a saved plan:
     * {@code document} gives the plan its digest and provenance, and the journal keeps it as the
     * JSON a saved plan would be, so that a killed apply can be finished from the journal
     * ({@link #resumeLive}) even though no plan file was written.
     */
    public ApplyResult applyLive(
            Validation validation,
            StateStore store,
            PlanOptions options,
            Function<Plan, PlanDocument> document,
            Applier.Request request,
            Progress progress) {
        Profile stateProfile = profileOf(store);
        refuseProvider(stateProfile);
        Performer performer = performer();
        progress.phase("reading the state", 0);
        Snapshot stored = Timings.time("read state", store::read);
        if (!validation.ok()) {
            // Manifests with errors are reported as a failed plan without a request to any tenant.
            Plan failed = new PlanMaker(stateProfile)
                    .plan(validation, stored, options, drift(store, stored, options), progress)
                    .plan();
            return new ApplyResult(Outcome.PLAN_FAILED, Optional.of(failed), stored.revision(), failed.diagnostics());
        }
        LivePlan live = planLive(validation, store, stored, stateProfile, options, progress);
        Plan plan = live.plan();
        if (plan.failed()) {
            return new ApplyResult(Outcome.PLAN_FAILED, Optional.of(plan), stored.revision(), plan.diagnostics());
        }
        PlanDocument made = document.apply(plan);
        StringWriter text = new StringWriter();
        PlanWriter.write(made, text);
        return new LiveApplier(stateProfile, clock)
                .applySaved(
                        store,
                        performer,
                        made,
                        text.toString(),
                        request,
                        Optional.of(live.seen().world()));
    }

    /**
     * The live apply that did not finish, whose journal keeps its plan as applied: what {@code
     * apply --resume} applies again, so that an apply made with {@code -f}, which wrote no plan
     * file, can be finished after a crash. Empty when every run finished.
     */
    public Optional<JournalRun> unfinishedLive(StateStore store) {
        return store.journal().unfinished();
    }

    private Performer performer() {
        return provider.performer()
                .orElseThrow(() -> new IllegalStateException(provider.name() + " is not a live provider"));
    }

    /** Applies exactly a saved plan. */
    public ApplyResult applySaved(Plan plan, StateStore store, Applier.Request request) {
        refuseLive("apply PLANFILE");
        return new Applier(planProfile(plan, store), clock).applySaved(store, plan, request);
    }

    /**
     * Applies a saved plan to the live provider's tenants, step by step and journaled ({@code text}
     * is the plan file as read, which the journal keeps).
     */
    public ApplyResult applyLive(PlanDocument document, String text, StateStore store, Applier.Request request) {
        Profile stateProfile = planProfile(document.plan(), store);
        refuseProvider(stateProfile);
        Performer performer = performer();
        // The plan was made against what the provider saw: it is read again, its objects named as
        // the manifests the plan was made from name them (a directory knows no manifest names), and
        // a new run records it in the state before any step. Names that no longer match make a
        // step fail its proof, and nothing is sent.
        Plan plan = document.plan();
        Observation seen =
                Timings.time("observe", () -> provider.observe(store.read().world(), desiredWorld(namesOf(plan))));
        return new LiveApplier(stateProfile, clock)
                .applySaved(store, performer, document, text, request, Optional.of(seen.world()));
    }

    /** The objects the manifests a plan was made from declare (at its commit, when it was made from git). */
    private List<WorldObject> namesOf(Plan plan) {
        String paths = plan.source().getOrDefault("paths", "");
        if (paths.isEmpty()) {
            return List.of();
        }
        Optional<String> at = Optional.ofNullable(plan.source().get("commit"))
                .or(() -> Optional.ofNullable(plan.source().get("ref")));
        return read(new Manifests(List.of(paths.split(",")), at, Optional.empty(), true), Progress.NONE)
                .desired()
                .objects();
    }

    /** The state's profile, which must be the one the plan was made under. */
    private Profile planProfile(Plan plan, StateStore store) {
        Profile stateProfile = profileOf(store);
        if (!plan.profile().equals(stateProfile.name())) {
            throw new StateException(
                    Codes.PROFILE,
                    "the plan was made under the " + plan.profile() + " profile and the state at " + store.location()
                            + " is " + stateProfile.name() + "; a plan is applied only under the profile it was"
                            + " made under");
        }
        return stateProfile;
    }
}
