package io.tenantctl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the table of allowed imports that docs/architecture.md shows, and holds it both ways: a
 * package uses only the packages its row lists, and every package its row lists it uses, so the
 * table is the whole truth and cannot rot. Every package has its own row, subpackages included
 * ({@code state.jdbc}, {@code profile.classic}). A lower package never imports a higher one, and
 * there are no cycles.
 *
 * <p>The edges are read from the bytecode, where the compiler has already inlined
 * {@code static final String} constants: a class that uses only {@code diag.Codes} constants
 * has no edge to {@code diag}.
 */
class ArchitectureTest {

    /** Each package and the project packages it uses. Keep in step with docs/architecture.md. */
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("json", List.of());
        ALLOWED.put("diag", List.of());
        ALLOWED.put("model", List.of());
        ALLOWED.put("world", List.of("model"));
        ALLOWED.put("rules", List.of("diag", "model", "world"));
        ALLOWED.put("step", List.of("json", "model"));
        ALLOWED.put("load", List.of("diag"));
        ALLOWED.put("diff", List.of("json", "model", "world", "rules"));
        ALLOWED.put("profile", List.of("model", "world", "rules", "step", "diff"));
        ALLOWED.put("profile.classic", List.of("model", "world", "rules", "step", "diff", "profile"));
        ALLOWED.put("profile.entra", List.of("model", "world", "rules", "step", "diff", "profile", "profile.classic"));
        ALLOWED.put("validate", List.of("diag", "load", "model", "world", "rules"));
        ALLOWED.put("plan", List.of("json", "diag", "model", "world", "rules", "step", "diff", "profile"));
        ALLOWED.put("state", List.of("json", "model", "world"));
        ALLOWED.put("state.jdbc", List.of("json", "model", "world", "state"));
        ALLOWED.put(
                "apply", List.of("diag", "model", "world", "rules", "step", "profile", "plan", "state", "provider"));
        ALLOWED.put("generate", List.of("model", "world", "profile"));
        ALLOWED.put(
                "engine",
                List.of(
                        "json",
                        "diag",
                        "load",
                        "model",
                        "world",
                        "rules",
                        "step",
                        "diff",
                        "profile",
                        "validate",
                        "plan",
                        "state",
                        "state.jdbc",
                        "apply",
                        "provider"));
        ALLOWED.put("render", List.of("json", "diag", "model", "world", "step", "diff", "plan", "state", "apply"));
        ALLOWED.put("provider", List.of("world", "step"));
        ALLOWED.put("sign", List.of("json"));
        ALLOWED.put("connect", List.of("json", "diag", "load"));
        ALLOWED.put("provider.azure.http", List.of("json", "connect"));
        ALLOWED.put(
                "provider.azure",
                List.of("json", "model", "world", "step", "provider", "connect", "provider.azure.http"));
        ALLOWED.put("agent.status", List.of("json"));
        ALLOWED.put("agent.store", List.of("json", "state", "state.jdbc", "agent.status"));
        ALLOWED.put(
                "agent",
                List.of("diag", "load", "step", "plan", "state", "apply", "engine", "agent.status", "agent.store"));
        ALLOWED.put(
                "agent.http",
                List.of("json", "plan", "state", "engine", "render", "agent", "agent.status", "agent.store"));
        ALLOWED.put(
                "cli",
                List.of(
                        "json",
                        "diag",
                        "model",
                        "world",
                        "profile",
                        "validate",
                        "plan",
                        "state",
                        "apply",
                        "generate",
                        "engine",
                        "render",
                        "agent",
                        "agent.http",
                        "agent.status",
                        "agent.store",
                        "state.jdbc",
                        "provider",
                        "provider.azure",
                        "connect",
                        "sign"));
    }

    private static final String ROOT = "io.tenantctl";

    static JavaClasses classes;

    /** Package to the project packages its classes use, as the bytecode says. */
    static Map<String, Set<String>> used;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        used = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            String from = relative(javaClass.getPackageName());
            Set<String> to = used.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String name = relative(target.getPackageName());
                if (!name.isEmpty() && !name.equals(from)) {
                    to.add(name);
                }
            }
        }
    }

    /** The package's name below {@code io.tenantctl}; "" for the root and for packages outside it. */
    private static String relative(String packageName) {
        return packageName.startsWith(ROOT + ".") ? packageName.substring(ROOT.length() + 1) : "";
    }

    @Test
    void theTableHasARowForEveryPackageAndNoOther() {
        assertThat(ALLOWED.keySet()).as("rows of the table").containsExactlyInAnyOrderElementsOf(used.keySet());
    }

    @Test
    void everyPackageUsesOnlyWhatTheTableAllows() {
        List<String> forbidden = new ArrayList<>();
        used.forEach((from, to) -> to.stream()
                .filter(target -> !ALLOWED.getOrDefault(from, List.of()).contains(target))
                .forEach(target -> forbidden.add(from + " -> " + target + " (" + example(from, target) + ")")));
        assertThat(forbidden).as("edges docs/architecture.md does not allow").isEmpty();
    }

    @Test
    void everyEdgeTheTableAllowsIsUsed() {
        List<String> unused = new ArrayList<>();
        ALLOWED.forEach((from, to) -> to.stream()
                .filter(target -> !used.getOrDefault(from, Set.of()).contains(target))
                .forEach(target -> unused.add(from + " -> " + target)));
        assertThat(unused)
                .as("edges the table allows but no class uses; remove them from the table and the page")
                .isEmpty();
    }

    /** One dependency behind an edge, to say where to look. */
    private static String example(String from, String target) {
        for (JavaClass javaClass : classes) {
            if (relative(javaClass.getPackageName()).equals(from)) {
                for (Dependency d : javaClass.getDirectDependenciesFromSelf()) {
                    if (relative(d.getTargetClass().getBaseComponentType().getPackageName())
                            .equals(target)) {
                        return d.getDescription();
                    }
                }
            }
        }
        return "?";
    }

    @Test
    void thereAreNoCycles() {
        slices().matching("io.tenantctl.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * Inside the agent, one way too: {@code status} (values) under {@code store} (tables) under the
     * loop, with {@code http} on top. The slices rule already forbids cycles; this names the order.
     */
    @Test
    void theAgentsPackagesAreLayered() {
        Map<String, List<String>> below = Map.of(
                "io.tenantctl.agent.status..", List.of("io.tenantctl.agent.store..", "io.tenantctl.agent.http.."),
                "io.tenantctl.agent.store..", List.of("io.tenantctl.agent.http.."));
        below.forEach((lower, higher) -> noClasses()
                .that()
                .resideInAPackage(lower)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(higher.toArray(String[]::new))
                .check(classes));
        noClasses()
                .that()
                .resideInAnyPackage("io.tenantctl.agent.status..", "io.tenantctl.agent.store..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.tenantctl.agent")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.tenantctl.agent")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.tenantctl.agent.http..")
                .check(classes);
    }

    /**
     * A profile is a subpackage of {@code profile} ({@code profile.classic}, later {@code
     * profile.entra}); nothing outside {@code profile} may name one, so that which profile runs is
     * known only to the profiles themselves and the one registry that finds them.
     */
    @Test
    void nothingOutsideTheSeamNamesAProfile() {
        DescribedPredicate<JavaClass> inAProfile =
                new DescribedPredicate<>("reside in a profile (io.tenantctl.profile.*)") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith("io.tenantctl.profile.");
                    }
                };
        assertThat(classes.stream().filter(inAProfile::test))
                .as("the rule below has profiles to hold")
                .isNotEmpty();
        noClasses()
                .that()
                .resideOutsideOfPackage("io.tenantctl.profile..")
                .should()
                .dependOnClassesThat(inAProfile)
                .because("a new profile must be one folder under profile/: the loader, the planner, apply,"
                        + " the engine and the command line know profiles only through the seam")
                .check(classes);
    }
}
