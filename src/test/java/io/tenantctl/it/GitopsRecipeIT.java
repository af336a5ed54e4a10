package io.tenantctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.Child;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitOps recipe of docs/gitops.md, run end to end as CI would run it: ci/gitops-e2e.sh drives
 * ci/gitops.sh against a local bare repository with two branches, pull-request-like merges and a
 * base that moves, using the packaged jar. The script asserts each scenario; this test runs it and
 * checks that it got to the end.
 */
class GitopsRecipeIT {

    @Test
    void theRecipeAppliesWhatWasReviewedAndAsksAgainWhenTheBaseMoved(@TempDir Path dir)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", Path.of("ci/gitops-e2e.sh").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment()
                .put("TENANTCTL", java + " -Xmx512m -jar " + Child.jar().toAbsolutePath());
        builder.environment().put("TMPDIR", dir.toString());
        builder.environment().remove("TENANTCTL_STATE");
        builder.environment().remove("TENANTCTL_AS");
        Process process = builder.start();
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(ended).as("the recipe ends; output so far:%n%s", out).isTrue();
        assertThat(process.exitValue())
                .as("the recipe's scenarios pass; output:%n%s", out)
                .isZero();
        assertThat(out).contains("gitops recipe: all scenarios passed");
    }
}
