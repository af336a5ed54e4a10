package io.tenantctl.cli;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line: what {@code --lock-timeout} accepts, and how it refuses the rest. */
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "500ms, 500",
        "60s, 60000",
        "2m, 120000",
        "1h, 3600000",
        "1m30s, 90000",
        "1h2m3s4ms, 3723004",
        "1.5s, 1500",
        "30, 30000",
        "0.25, 250",
        "0s, 0",
        "' 2M ', 120000",
    })
    void acceptsUnitsAndTheirSums(String text, long millis) {
        assertThat(converter.convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5x", "m", "1m-30s", "s1", "1.s", "1m 30s", "ms500", "99999999999999999999h"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5s", "-1", " -2m"})
    void refusesANegativeDuration(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("cannot be negative");
    }

    /** Every duration option uses it: a bad value is a usage error that names the option. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "apply -f x.yaml --lock-timeout soon",
                "apply -f x.yaml --lock-timeout -5s",
                "apply plan.json --lock-timeout 1x",
                "state copy --from sqlite:a.db --to sqlite:b.db --lock-timeout -1m",
            })
    void aBadDurationExits64WithAClearMessage(String args) {
        Result result = cli().run(args.split(" "));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(result.err())
                .startsWith("error: Invalid value for option '--lock-timeout'")
                .doesNotContain("\tat ");
    }

    @Test
    void aGoodDurationIsTakenByTheCommands() {
        String state = "sqlite:" + dir.resolve("state.db");
        for (String timeout : new String[] {"1m30s", "500ms", "2m"}) {
            Result apply = cli().run(
                            "apply",
                            "-f",
                            "manifests/examples/seed/before",
                            "--auto-approve",
                            "--state",
                            state,
                            "--lock-timeout",
                            timeout);
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
        }
        Result copy = cli().run(
                        "state",
                        "copy",
                        "--from",
                        state,
                        "--to",
                        "sqlite:" + dir.resolve("copy.db"),
                        "--lock-timeout",
                        "1m30s");
        assertThat(copy.exitCode()).as(copy.toString()).isZero();
    }
}
