package io.tenantctl.agent;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * The agent's log: one line per event on standard error, in logfmt
 * ({@code time=... level=info source=seed msg="..."}), which journald, Docker and Loki all take as
 * it is.
 */
public final class AgentLog {

    private final PrintWriter out;
    private final Clock clock;

    public AgentLog(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void info(String source, String message) {
        line("info", source, message);
    }

    public void warn(String source, String message) {
        line("warn", source, message);
    }

    public void error(String source, String message) {
        line("error", source, message);
    }

    private synchronized void line(String level, String source, String message) {
        StringBuilder line = new StringBuilder()
                .append("time=")
                .append(clock.instant())
                .append(" level=")
                .append(level);
        if (!source.isEmpty()) {
            line.append(" source=").append(source);
        }
        line.append(" msg=").append(quote(message));
        out.println(line);
        out.flush();
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
