package io.tenantctl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the table of allowed imports that docs/architecture.md shows: every package may use only
 * the packages listed for it, all of which sit lower in the flow. A lower package never imports
 * a higher one, and there are no cycles.
 */
class ArchitectureTest {

    /** Each package and the project packages it may use. Keep in step with docs/architecture.md. */
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("json", List.of());
        ALLOWED.put("diag", List.of("json"));
        ALLOWED.put("model", List.of());
        ALLOWED.put("world", List.of("model"));
        ALLOWED.put("rules", List.of("diag", "model", "world"));
        ALLOWED.put("step", List.of("model"));
        ALLOWED.put("load", List.of("diag"));
        ALLOWED.put("diff", List.of("model", "world", "rules"));
        ALLOWED.put("profile", List.of("model", "world", "rules", "step", "diff"));
        ALLOWED.put("validate", List.of("diag", "load", "model", "world", "rules"));
        ALLOWED.put("plan", List.of("json", "diag", "model", "world", "rules", "step", "diff", "profile"));
        ALLOWED.put("state", List.of("json", "diag", "model", "world", "rules"));
        ALLOWED.put("apply", List.of("json", "diag", "model", "world", "rules", "step", "profile", "plan", "state"));
        ALLOWED.put("generate", List.of("model", "world"));
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
                        "apply"));
        ALLOWED.put("render", List.of("json", "diag", "model", "world", "step", "diff", "plan", "state", "apply"));
        ALLOWED.put(
                "cli",
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
                        "apply",
                        "generate",
                        "engine",
                        "render"));
    }

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tenantctl");
    }

    @Test
    void everyPackageImportsOnlyWhatTheTableAllows() {
        for (Map.Entry<String, List<String>> entry : ALLOWED.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : ALLOWED.keySet()) {
                if (!other.equals(entry.getKey()) && !entry.getValue().contains(other)) {
                    forbidden.add("io.tenantctl." + other + "..");
                }
            }
            noClasses()
                    .that()
                    .resideInAPackage("io.tenantctl." + entry.getKey() + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("docs/architecture.md allows " + entry.getKey() + " to use only " + entry.getValue())
                    .check(classes);
        }
    }

    @Test
    void theTableCoversEveryPackage() {
        for (var javaClass : classes) {
            String name = javaClass.getPackageName();
            if (name.equals("io.tenantctl")) {
                continue;
            }
            String top = name.substring("io.tenantctl.".length()).split("\\.")[0];
            Assertions.assertThat(ALLOWED)
                    .as("package %s is in the table", name)
                    .containsKey(top);
        }
    }

    @Test
    void thereAreNoCycles() {
        slices().matching("io.tenantctl.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEngineUsesProfilesOnlyThroughTheSeam() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.tenantctl.load..",
                        "io.tenantctl.diff..",
                        "io.tenantctl.plan..",
                        "io.tenantctl.apply..",
                        "io.tenantctl.engine..",
                        "io.tenantctl.validate..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.tenantctl.profile.classic..")
                .because("a later profile must be addable without touching the loader, the diff or the planner")
                .check(classes);
    }
}
