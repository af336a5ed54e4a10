package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example in manifests/examples validates, applies to an empty store, and then plans nothing. */
class ExamplesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {"manifests/examples/seed/before", "manifests/examples/seed/after", "manifests/examples/company"})
    void anExampleAppliesFromScratchAndConverges(String example) {
        String state = "sqlite:" + dir.resolve("state.db");
        Result validate = cli().run("validate", "-f", example);
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        Result apply = cli().run("apply", "-f", example, "--auto-approve", "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Apply complete! Revision 1");
        Result plan = cli().run("plan", "-f", example, "--state", state, "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
    }
}
