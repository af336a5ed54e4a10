package io.tenantctl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diag.Severity;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.generate.WorldMutator;
import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.plan.Base;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.plan.Planner;
import io.tenantctl.plan.Schedule;
import io.tenantctl.plan.Summary;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Effect;
import io.tenantctl.step.Impact;
import io.tenantctl.step.Op;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import io.tenantctl.world.World;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * For plans of every size, real (planned from generated worlds) and synthetic (any mix of steps,
 * diagnostics and changes, with hostile text everywhere): the comment stays within its budget,
 * keeps its shape ({@link MarkdownShape}), shows every step that grants, revokes or deletes or
 * counts the missing ones under a caution, and says exactly what else it left out.
 */
class PlanMarkdownPropertyTest {

    private static final Profile PROFILE = ClassicProfile.PROFILE;
    private static final String HINT = "the saved plan file plan.json";

    /** What manifests may try: table breaks, code, HTML, links, line breaks, mentions, math, Mermaid syntax. */
    static final List<String> HOSTILE = List.of(
            "a|b",
            "`code`",
            "```",
            "<script>alert(1)</script>",
            "](http://x)",
            "[click](http://evil.example)",
            "line1\nline2",
            "\n# injected heading\n",
            "\r\n| fake | row |",
            "@octocat",
            "@contoso/admins",
            "$x^2$",
            "&lt;b&gt;",
            "<img src=x onerror=alert(1)>",
            "**bold**",
            "~~gone~~",
            "\u202Egnp.exe",
            "<!-- hidden",
            "back\\slash",
            "x\\|y",
            "\"quoted\"",
            "#1",
            ":smile:",
            "end",
            "subgraph x",
            "click s1 call alert()",
            "%%{init: {'securityLevel':'loose'}}%%",
            "a\"]; s9[\"b",
            "<details><summary>x</summary>",
            "</details>",
            "<br>",
            "\t\u0000\u007f",
            "&#60;script&#62;",
            "http://x.example/?a=1|2",
            "- [ ] task",
            "> quote",
            "1. list",
            "*",
            "_",
            "\\");

    // ---------------------------------------------------------------- plans made by the planner

    static Stream<Arguments> plannedSizes() {
        return Stream.of(
                Arguments.of(15, 0.3, false),
                Arguments.of(80, 0.05, false),
                Arguments.of(80, 0.5, true),
                Arguments.of(400, 0.1, false),
                Arguments.of(400, 0.4, true),
                Arguments.of(2_000, 0.02, false),
                Arguments.of(2_000, 0.3, false),
                Arguments.of(6_000, 0.01, false),
                Arguments.of(6_000, 0.2, true));
    }

    @ParameterizedTest(name = "{0} objects, {1} changed, failing {2}")
    @MethodSource("plannedSizes")
    void aPlannedPlanOfAnySizeFitsAndLeavesOutOnlyWhatItSays(int size, double fraction, boolean failing) {
        World a = new WorldGenerator(size).generate(size);
        World b = new WorldMutator(size + 1, PROFILE.limits()).mutate(a, fraction);
        Plan plan = planned(a, b, failing ? List.of("nobody@hotmail.com") : List.of());
        assertThat(plan.failed()).isEqualTo(failing);
        for (int budget : new int[] {60_000, 25_000, MarkdownOptions.MIN_BUDGET}) {
            check(plan, new MarkdownOptions(budget, HINT));
        }
    }

    @Test
    void theMarkdownOfAPlanAndOfItsSavedJsonAreTheSame() throws Exception {
        World a = new WorldGenerator(5).generate(300);
        Plan plan = planned(a, new WorldMutator(6, PROFILE.limits()).mutate(a, 0.3), List.of());
        StringWriter json = new StringWriter();
        PlanWriter.write(PlanDocument.of(plan), json);
        PlanDocument saved = PlanReader.read(json.toString());
        assertThat(PlanMarkdownView.render(saved, MarkdownOptions.DEFAULT))
                .isEqualTo(PlanMarkdownView.render(PlanDocument.of(plan), MarkdownOptions.DEFAULT));
    }

    // ---------------------------------------------------------------- synthetic plans

    static Stream<Arguments> syntheticSizes() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1;
        for (int steps : new int[] {0, 1, 12, 150, 2_000, 40_000}) {
            for (int diagnostics : new int[] {0, 3, 400}) {
                for (double privileged : new double[] {0.0, 0.3, 1.0}) {
                    out.add(Arguments.of(seed++, steps, diagnostics, privileged));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}: {1} steps, {2} diagnostics, {3} privileged")
    @MethodSource("syntheticSizes")
    void aSyntheticPlanOfAnySizeAndTextFits(long seed, int steps, int diagnostics, double privileged) {
        Plan plan = synthetic(new Random(seed), steps, diagnostics, privileged, steps / 2 + 3);
        check(plan, MarkdownOptions.DEFAULT);
        check(plan, new MarkdownOptions(MarkdownOptions.MIN_BUDGET, "https://ci.example/runs/1?artifact=plan.json"));
    }

    @Test
    void hostileTextCannotBreakTheTableOrOpenHtml() {
        for (long seed = 100; seed < 140; seed++) {
            Plan plan = synthetic(new Random(seed), 40, 12, 0.5, 30);
            String markdown = check(plan, MarkdownOptions.DEFAULT);
            assertThat(MarkdownShape.outsideCode(markdown))
                    .doesNotContain("<script", "<img", "<!--", "&lt;b&gt;", "<details><summary>x");
            assertThat(markdown)
                    .doesNotContainPattern("(?m)^# injected")
                    .doesNotContainPattern("(?m)^\\| fake")
                    .doesNotContainPattern("(?m)^line2")
                    .doesNotContain("\r", "\t", "\u0000", "\u202E");
        }
    }

    @Test
    void hostileTextIsShownAsWritten() {
        assertThat(Markdown.text("a|b `c` <script> [x](http://y) @team me@contoso.com $m$ \\"))
                .isEqualTo("a\\|b \\`c\\` &lt;script&gt; \\[x\\](http://y) @\u2060team me@contoso.com \\$m\\$ \\\\");
        assertThat(Markdown.text("one\ntwo\r\nthree")).isEqualTo("one two  three");
        assertThat(Markdown.label("Tenant/x\"]; click s1 call alert()")).isEqualTo("Tenant/x___ click s1 call alert__");
        assertThat(Markdown.codeLine("a\n```\nb")).isEqualTo("a ``` b");
        assertThat(Markdown.id("sha256:0af")).isEqualTo("`sha256:0af`");
        assertThat(Markdown.id("x`y")).isEqualTo("x\\`y");
        assertThat(Markdown.text("x".repeat(5_000))).hasSize(Markdown.MAX_TEXT);
    }

    @Test
    void theCallersHintCannotOpenHtmlAndTheOptionsAreChecked() {
        Plan plan = synthetic(new Random(7), 40_000, 0, 1.0, 10);
        String markdown =
                PlanMarkdownView.render(PlanDocument.of(plan), new MarkdownOptions(60_000, "<b>plan.json</b>"));
        assertThat(markdown)
                .contains("Full plan: &lt;b&gt;plan.json&lt;/b&gt;.")
                .doesNotContain("<b>");
        assertThatThrownBy(() -> new MarkdownOptions(9_999, HINT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarkdownOptions(60_000, "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarkdownOptions(60_000, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MarkdownOptions.withFullPlan(Optional.empty())).isEqualTo(MarkdownOptions.DEFAULT);
    }

    // ---------------------------------------------------------------- the properties

    /** Renders and checks every property; returns the comment. */
    static String check(Plan plan, MarkdownOptions options) {
        return check(PlanDocument.of(plan), options);
    }

    /** Renders a plan with the digest it came with and checks every property; returns the comment. */
    static String check(PlanDocument document, MarkdownOptions options) {
        Plan plan = document.plan();
        String markdown = PlanMarkdownView.render(document, options);
        assertThat(markdown.length()).as("within the budget").isLessThanOrEqualTo(options.budget());
        assertThat(PlanMarkdownView.render(document, options))
                .as("deterministic")
                .isEqualTo(markdown);
        MarkdownShape.Shown shown = MarkdownShape.check(markdown);
        boolean anythingLeftOut = false;

        List<PlannedStep> privileged = plan.steps().stream()
                .filter(PlanMarkdownPropertyTest::privileged)
                .toList();
        List<PlannedStep> others =
                plan.steps().stream().filter(s -> !privileged(s)).toList();
        long privilegedMissing = privileged.stream()
                .filter(s -> !shown.steps().contains(s.index()))
                .count();
        if (privilegedMissing > 0) {
            assertThat(markdown)
                    .as("privileged steps left out are counted under a caution")
                    .contains("> **" + Markdown.count(privilegedMissing) + " of " + Markdown.count(privileged.size())
                            + " steps that grant or revoke administrator rights or delete an object are not shown"
                            + " here**")
                    .contains("> - " + part(privilegedMissing, privileged.size()) + " steps that grant or revoke");
            anythingLeftOut = true;
            assertThat(shown.steps())
                    .as("nothing of lower priority is shown")
                    .allMatch(i -> privileged(plan.steps().get(i - 1)));
        } else {
            assertThat(markdown).doesNotContain("are not shown here");
        }
        long othersMissing =
                others.stream().filter(s -> !shown.steps().contains(s.index())).count();
        if (othersMissing > 0) {
            assertThat(markdown).contains("> - " + part(othersMissing, others.size()) + " other steps");
            anythingLeftOut = true;
        }
        for (PlannedStep step : plan.steps()) {
            if (shown.steps().contains(step.index())) {
                assertThat(markdown)
                        .contains("| " + step.index() + " | ")
                        .contains(Markdown.text(step.step().describe()));
            }
        }
        assertThat(shown.stepRows()).as("each step once").doesNotHaveDuplicates();

        long errors = plan.diagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = plan.diagnostics().size() - errors;
        if (shown.errorRows() < errors) {
            assertThat(markdown).contains("> - " + part(errors - shown.errorRows(), errors) + " errors");
            anythingLeftOut = true;
        }
        if (shown.warningRows() < Math.min(PlanMarkdownView.WARNINGS_SHOWN, warnings)) {
            assertThat(markdown).contains("> - " + part(warnings - shown.warningRows(), warnings) + " warnings");
            anythingLeftOut = true;
        } else if (shown.warningRows() < warnings) {
            assertThat(markdown).contains(Markdown.plural(warnings - shown.warningRows(), "more warning"));
        }
        if (shown.warningRows() > 0) {
            assertThat(shown.steps())
                    .as("warnings are listed only when every step fits")
                    .hasSize(plan.steps().size());
        }
        long changed = plan.changes().stream()
                .filter(c -> c.action() == ChangeAction.CREATE
                        || c.action() == ChangeAction.UPDATE
                        || c.action() == ChangeAction.DELETE)
                .count();
        if (shown.objects() < changed) {
            assertThat(markdown)
                    .contains("> - the changes of " + part(changed - shown.objects(), changed) + " objects");
            anythingLeftOut = true;
            assertThat(shown.warningRows())
                    .as("changes are admitted before warnings")
                    .isZero();
        } else {
            assertThat(shown.objects()).isEqualTo(changed);
        }
        if (!plan.steps().isEmpty()
                && shown.mermaidSteps()
                        < Math.min(PlanMarkdownView.DIAGRAM_STEPS, plan.steps().size())) {
            assertThat(markdown).containsPattern("> - the diagram");
            anythingLeftOut = true;
        }
        if (anythingLeftOut) {
            assertThat(markdown)
                    .contains("This comment leaves out part of the plan")
                    .contains("Full plan: "
                            + options.fullPlan().replace("<", "&lt;").replace(">", "&gt;"));
        } else {
            assertThat(markdown).doesNotContain("leaves out");
        }
        if (plan.failed()) {
            assertThat(markdown).startsWith("### tenantctl plan failed: nothing will change");
        }
        return markdown;
    }

    private static String part(long missing, long total) {
        return missing == total
                ? "all " + Markdown.count(total)
                : Markdown.count(missing) + " of " + Markdown.count(total);
    }

    /**
     * Grants, revokes or deletes, by the step's impact (with its operation's own, as for a plan
     * saved before impact was recorded); written here again so that the view's classing is checked.
     */
    static boolean privileged(PlannedStep s) {
        return Stream.concat(s.impact().stream(), s.step().op().impact().stream())
                .anyMatch(i -> i == Impact.GRANT || i == Impact.REVOKE || i == Impact.DELETE);
    }

    private static boolean privileged(Op op) {
        return op.impact().stream().anyMatch(i -> i == Impact.GRANT || i == Impact.REVOKE || i == Impact.DELETE);
    }

    // ---------------------------------------------------------------- making plans

    /** A plan from A to B as the engine makes it, with the rules' findings as located diagnostics. */
    static Plan planned(World a, World b, List<String> as) {
        ChangeSet changes = new Differ().diff(b.objects(), a, object -> true).changeSet();
        Schedule schedule = new Planner(PROFILE).schedule(a, changes, as);
        List<Diagnostic> diagnostics = new ArrayList<>();
        int line = 1;
        for (Violation v : PROFILE.rules().checkAll(changes.desired())) {
            diagnostics.add(new Diagnostic(
                    v.severity(),
                    v.code(),
                    v.message(),
                    Location.of("manifests/" + v.subject().name() + ".yaml", line++, 3)));
        }
        for (Violation v : schedule.blocked()) {
            diagnostics.add(Diagnostic.error(
                    v.code(),
                    v.message(),
                    Location.of("manifests/" + v.subject().name() + ".yaml", line++, 5)));
        }
        return new Plan(
                new Base("00000000-0000-4000-8000-000000000002", 4),
                "classic",
                as,
                Map.of("paths", "manifests"),
                "default",
                List.of(),
                Summary.of(changes, 0),
                changes.changes(),
                schedule.complete() ? schedule.steps() : List.of(),
                List.of(),
                diagnostics);
    }

    /** Any mix of steps, diagnostics and changes, with text from {@link #HOSTILE} mixed into all of it. */
    /** A step of this operation whose every name is text from {@link #HOSTILE}. */
    private static Step syntheticStep(Random random, Op op, ObjectRef target) {
        Metadata named = Metadata.named(target.name());
        return switch (op.shape()) {
            case TARGET -> Step.of(op, target);
            case ROLE -> Step.forAccount(op, target, text(random));
            case DOMAIN -> Step.forDomain(op, target, text(random));
            case MOVE -> Step.move(op, target, text(random), text(random));
            case OBJECT ->
                Step.withObject(
                        op,
                        switch (target.kind()) {
                            case TENANT ->
                                new Tenant(named, text(random), text(random), new TreeSet<>(), new TreeSet<>());
                            case ACCOUNT ->
                                new Account(
                                        named, AccountType.MICROSOFT_ACCOUNT, text(random), Optional.of(text(random)));
                            case SUBSCRIPTION ->
                                new Subscription(
                                        named,
                                        Offer.OFFICE365,
                                        text(random),
                                        Optional.of(text(random)),
                                        Optional.empty(),
                                        Optional.empty(),
                                        new TreeSet<>());
                        });
            case SIGN_UP ->
                Step.signUp(
                                op,
                                new Tenant(named, text(random), text(random), new TreeSet<>(), new TreeSet<>()),
                                List.of())
                        .withAccountShown(founder -> text(random));
        };
    }

    static Plan synthetic(Random random, int steps, int diagnostics, double privilegedShare, int changes) {
        Op[] privilegedOps = Stream.of(ClassicOp.values())
                .filter(PlanMarkdownPropertyTest::privileged)
                .toArray(Op[]::new);
        Op[] otherOps =
                Stream.of(ClassicOp.values()).filter(op -> !privileged(op)).toArray(Op[]::new);
        List<PlannedStep> planned = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            Op[] ops = random.nextDouble() < privilegedShare ? privilegedOps : otherOps;
            Op op = ops[random.nextInt(ops.length)];
            ObjectRef target = new ObjectRef(op.targetKind(), text(random));
            Step step = syntheticStep(random, op, target);
            List<Effect> effects = new ArrayList<>();
            int n = random.nextInt(20) == 0 ? 60 : random.nextInt(3);
            for (int e = 0; e < n; e++) {
                effects.add(new Effect.Recorded(text(random)));
            }
            // Sometimes an effect revokes what the operation alone does not (a transfer that removes a
            // co-administrator): the view must class the step by its impact, not by its operation.
            Set<Impact> impact = EnumSet.noneOf(Impact.class);
            impact.addAll(Impact.of(step, effects));
            if (random.nextInt(5) == 0) {
                impact.add(Impact.REVOKE);
            }
            planned.add(new PlannedStep(
                    i,
                    step,
                    Optional.of(text(random)).filter(t -> random.nextInt(4) > 0),
                    text(random),
                    effects,
                    impact,
                    false));
        }
        List<Diagnostic> found = new ArrayList<>();
        boolean failed = steps == 0 && diagnostics > 0;
        for (int i = 0; i < diagnostics; i++) {
            found.add(new Diagnostic(
                    failed && random.nextBoolean() ? Severity.ERROR : Severity.WARNING,
                    text(random),
                    text(random),
                    random.nextBoolean() ? Location.NONE : Location.of(text(random) + ".yaml", i + 1, 1)));
        }
        List<Change> changed = new ArrayList<>();
        int create = 0;
        int update = 0;
        int delete = 0;
        int kept = 0;
        for (int i = 0; i < changes; i++) {
            ChangeAction action = ChangeAction.values()[random.nextInt(ChangeAction.values().length)];
            switch (action) {
                case CREATE -> create++;
                case UPDATE -> update++;
                case DELETE -> delete++;
                case KEEP -> kept++;
                case UNCHANGED -> {}
            }
            List<FieldChange> fields = new ArrayList<>();
            for (int f = random.nextInt(4); f > 0; f--) {
                fields.add(FieldChange.of(
                        "/spec/" + text(random),
                        value(random, action != ChangeAction.CREATE),
                        value(random, action != ChangeAction.DELETE)));
            }
            changed.add(new Change(
                    action,
                    new ObjectRef(Kind.values()[random.nextInt(3)], text(random)),
                    Optional.empty(),
                    Optional.empty(),
                    fields));
        }
        return new Plan(
                new Base(text(random), random.nextInt(100)),
                text(random),
                List.of(text(random)),
                Map.of(text(random), text(random)),
                "default",
                List.of(),
                new Summary(create, update, delete, 7, kept, 0),
                changed,
                planned,
                List.of(),
                found);
    }

    private static JsonNode value(Random random, boolean present) {
        if (!present) {
            return Json.NODES.nullNode();
        }
        return random.nextBoolean()
                ? Json.NODES.stringNode(text(random))
                : Json.array().add(text(random)).add(text(random));
    }

    private static String text(Random random) {
        StringBuilder out = new StringBuilder("n" + random.nextInt(1_000));
        for (int i = random.nextInt(3); i > 0; i--) {
            out.append(HOSTILE.get(random.nextInt(HOSTILE.size())));
        }
        return out.toString();
    }
}
