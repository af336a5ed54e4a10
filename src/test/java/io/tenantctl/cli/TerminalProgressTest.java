package io.tenantctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress is shown on a terminal only, only after about a second, and cleared at the end. */
class TerminalProgressTest {

    private static Environment environment(boolean terminal) {
        return new Environment(
                () -> InputStream.nullInputStream(), Map.of(), Clock.systemUTC(), false, false, terminal, () -> "id");
    }

    @Test
    void nothingIsShownWhenStandardErrorIsNotATerminal() {
        StringWriter err = new StringWriter();
        assertThat(TerminalProgress.forTerminal(environment(false), new PrintWriter(err)))
                .isSameAs(Progress.NONE);
    }

    @Test
    void aQuickRunShowsNothing() {
        StringWriter err = new StringWriter();
        Progress progress = TerminalProgress.forTerminal(environment(true), new PrintWriter(err));
        progress.phase("planning", 10);
        progress.advance(10);
        TerminalProgress.end(progress);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aSlowRunShowsOneLineRewrittenInPlaceAndClearsIt() throws Exception {
        StringWriter err = new StringWriter();
        Progress progress = TerminalProgress.forTerminal(environment(true), new PrintWriter(err));
        progress.phase("planning", 200_000);
        progress.advance(50_000);
        Thread.sleep(TerminalProgress.DELAY_MILLIS + 3 * TerminalProgress.PERIOD_MILLIS);
        TerminalProgress.end(progress);
        String shown = err.toString();
        assertThat(shown)
                .contains("planning 50,000/200,000 (25%)")
                .startsWith("\r\u001b[2K")
                .endsWith("\r\u001b[2K")
                .doesNotContain("\n");
    }
}
