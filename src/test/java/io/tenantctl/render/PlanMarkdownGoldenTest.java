package io.tenantctl.render;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.generate.WorldMutator;
import io.tenantctl.json.Json;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.WorldPair;
import io.tenantctl.world.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files for {@code plan -o markdown}: the plan is made by the real command line as JSON,
 * read back with {@link PlanReader#read}, and rendered with the default options; the comment
 * must be exactly {@code src/test/resources/golden/markdown/<case>.md}.
 *
 * <p>Manifests are named by paths relative to the project root (Maven runs tests there), and
 * {@link CliRun} gives every new state the same lineage, so digests and file names in the
 * comments are the same on every machine. The generated trees of the large case are written
 * under {@code target/markdown-golden/} for the same reason.
 *
 * <p>To regenerate after an intended change of output, run
 * {@code mvn -o test -Dtest=PlanMarkdownGoldenTest -Dgolden.update=true} and review the diff; that
 * also rewrites {@code docs/examples/seed-plan.md}.
 */
class PlanMarkdownGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/markdown");
    static final Path SEED_DOC = Path.of("docs/examples/seed-plan.md");
    static final String BEFORE = "manifests/examples/seed/before";
    static final String AFTER = "manifests/examples/seed/after";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path dir;

    private String state;

    @BeforeEach
    void newState() {
        state = "sqlite:" + dir.resolve("state.db");
    }

    @Test
    void theSeedStory() throws Exception {
        apply(BEFORE);
        String markdown = golden("seed.md", plan(0, "-f", AFTER));

        assertThat(markdown)
                .contains("### tenantctl plan: 0 to create, 2 to update, 0 to delete")
                .contains("| steps that grant administrator rights | 2 |")
                .contains("| steps that revoke administrator rights | 0 |")
                .contains("| 1 | **grant** | AddGlobalAdmin msmith@hotmail.com to Tenant/contoso |")
                // The transfer removes nobody here: it changes the directory and revokes nothing.
                .contains("| steps that move a subscription to another directory | 1 |")
                .contains("| 2 | tenancy | TransferSubscription Subscription/msdn-1 from")
                .contains("- **Prune:** off")
                .contains("```mermaid")
                .doesNotContain("leaves out");
        String doc = "_The seed story's plan as a pull-request comment: `PlanMarkdownView` (what `tenantctl plan -o"
                + " markdown` prints) for `" + AFTER + "` against a state where `" + BEFORE + "` was applied; written"
                + " by `PlanMarkdownGoldenTest` with `-Dgolden.update=true`._\n\n" + markdown;
        if (UPDATE) {
            Files.createDirectories(SEED_DOC.getParent());
            Files.writeString(SEED_DOC, doc, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SEED_DOC, StandardCharsets.UTF_8))
                .as("%s is the golden seed.md", SEED_DOC)
                .isEqualTo(doc);
    }

    @Test
    void aFailedPlanSaysNothingWillChange() throws Exception {
        apply(BEFORE);
        String markdown = golden("failed.md", plan(1, "-f", AFTER, "--as", "msmith@hotmail.com"));

        assertThat(markdown)
                .startsWith("### tenantctl plan failed: nothing will change")
                .contains("| **error** | unauthorized | manifests/examples/seed/after/contoso.yaml:12:46 |")
                .contains("None: the plan failed, so nothing will be applied.")
                .doesNotContain("```mermaid");
        assertThat(markdown.indexOf("| **error**"))
                .as("errors before warnings")
                .isLessThan(markdown.indexOf("| warning"));
    }

    @Test
    void aPrunedPlanShowsItsDeletionsAndEscapesWhatTheManifestsSay() throws Exception {
        apply(AFTER);
        String markdown =
                golden("prune.md", plan(0, "-f", GOLDEN + "/prune/manifests", "--prune", "--allow-mass-prune"));

        assertThat(markdown)
                .contains("| objects to delete | 3 |")
                // Deleting the directory also takes its last global administrator's role (an effect).
                .contains("| 6 | **revoke** **delete** | DeleteTenant Tenant/default-directory |")
                .contains("| steps that revoke administrator rights | 2 |")
                .contains("- **Prune:** on (`--prune`")
                .contains("| **revoke** | RemoveCoAdmin JohnDoe@contoso.com from Subscription/msdn-1 |")
                .contains("| 2 | **grant** | AddCoAdmin jane\\|\\`x\\`\\*y\\*\\~z\\~\\$m\\${b}@\u2060contoso.com to"
                        + " Subscription/msdn-1 |")
                .contains("+   spec.displayName: \"Jane | <script>alert(1)</script> `x` [click](http://x)"
                        + " @contoso/admins\"\n");
        assertThat(MarkdownShape.outsideCode(markdown)).doesNotContain("<script>");
    }

    /**
     * Two plans against one applied tree of about 20,000 objects: a large change (15% of the
     * objects), whose steps that grant, revoke or delete alone overflow the budget and are
     * counted under the caution; and a small one, where they all fit and the other steps, the
     * per-object changes and the diagram give way.
     */
    @Test
    void plansOfATwentyThousandObjectTreeStayWithinTheBudget() throws Exception {
        Path root = Path.of("target/markdown-golden/large");
        deleteTree(root);
        World before = new WorldGenerator(20_260).generate(20_000);
        WorldPair.tree(before, root.resolve("before"));
        apply(root.resolve("before").toString());

        Rendered large =
                largePlan(root, "large", before, new WorldMutator(20_261, ClassicProfile.LIMITS).mutate(before, 0.15));
        assertThat(large.markdown())
                .contains(
                        "steps that grant or revoke administrator rights or delete an object" + " are not shown here");

        Rendered small = largePlan(
                root,
                "large-small-change",
                before,
                new WorldMutator(20_262, ClassicProfile.LIMITS).mutate(before, 0.004));
        assertThat(small.markdown()).doesNotContain("are not shown here");
        small.plan().steps().stream()
                .filter(PlanMarkdownGoldenTest::privileged)
                .forEach(s -> assertThat(small.markdown()).contains("\n| " + s.index() + " | **"));
    }

    private record Rendered(Plan plan, String markdown) {}

    private Rendered largePlan(Path root, String name, World before, World after) throws Exception {
        Path tree = root.resolve(name);
        WorldPair.tree(after, tree);
        CliRun.Result run = cli().run(
                        "plan", "-f", tree.toString(), "--prune", "--allow-mass-prune", "--state", state, "-o", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        PlanDocument document = PlanReader.read(run.out());
        Plan plan = document.plan();
        String markdown = golden(name + ".md", render(document, run.out()));

        long privileged =
                plan.steps().stream().filter(PlanMarkdownGoldenTest::privileged).count();
        System.out.printf(
                "%s: %,d objects before, %,d after; %,d steps (%,d grant, revoke or delete), %,d changed"
                        + " objects, %,d diagnostics; JSON %,d chars, Markdown %,d chars%n",
                name,
                before.size(),
                after.size(),
                plan.steps().size(),
                privileged,
                plan.changes().size(),
                plan.diagnostics().size(),
                run.out().length(),
                markdown.length());
        assertThat(markdown.length()).isLessThan(60_000);
        assertThat(markdown)
                .contains("This comment leaves out part of the plan")
                .contains(MarkdownOptions.DEFAULT_FULL_PLAN);
        return new Rendered(plan, markdown);
    }

    private static boolean privileged(PlannedStep s) {
        return PlanMarkdownPropertyTest.privileged(s);
    }

    private void apply(String manifests) {
        CliRun.Result run = cli().run("apply", "-f", manifests, "--auto-approve", "--state", state);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** Plans through the command line as JSON, checks the exit code, and renders the decoded plan. */
    private String plan(int exit, String... args) throws Exception {
        String[] all = Stream.concat(
                        Stream.of("plan"), Stream.concat(Stream.of(args), Stream.of("--state", state, "-o", "json")))
                .toArray(String[]::new);
        CliRun.Result run = cli().run(all);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exit);
        return render(PlanReader.read(run.out()), run.out());
    }

    private static String render(PlanDocument document, String json) {
        String markdown = PlanMarkdownPropertyTest.check(document, MarkdownOptions.DEFAULT);
        assertThat(markdown)
                .as("the comment carries the digest of the JSON plan")
                .contains("`" + Json.parse(json).path("digest").asString() + "`");
        return markdown;
    }

    private static String golden(String name, String markdown) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("%s is missing; run once with -Dgolden.update=true", file)
                .exists();
        assertThat(markdown).as("%s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        return markdown;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
