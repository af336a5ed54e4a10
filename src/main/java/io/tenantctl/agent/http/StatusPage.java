package io.tenantctl.agent.http;

import io.tenantctl.agent.status.Condition;
import io.tenantctl.agent.status.CycleEvent;
import io.tenantctl.agent.status.ExternalAction;
import io.tenantctl.agent.status.HeldPlan;
import io.tenantctl.agent.status.SourceReport;
import io.tenantctl.agent.status.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The status page: one server-rendered HTML document, readable without JavaScript (there is none),
 * with a plain form to approve a waiting plan. Every text is escaped; the plan's Markdown goes
 * through {@link MarkdownHtml}.
 */
final class StatusPage {

    /** One source as the page shows it: its report, the waiting plan's HTML, and who leads it. */
    record Source(SourceReport report, Optional<String> planHtml, boolean ledHere) {}

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#1f2328}
            h1{font-size:1.5em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d7de;padding:.25em .5em;\
            text-align:left;vertical-align:top}th{background:#f6f8fa}
            .True{color:#1a7f37;font-weight:bold}.False{color:#cf222e;font-weight:bold}.Unknown{color:#9a6700}
            .msg{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.9em}
            .plan{border:1px solid #d0d7de;padding:0 1em;background:#fffdf5}
            .banner{background:#ddf4ff;border:1px solid #54aeff;padding:.5em 1em}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}
            """;

    private StatusPage() {}

    static String render(List<Source> sources, boolean approvalEnabled, Optional<String> banner, Instant now) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>tenantctl agent</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>tenantctl agent</h1>\n");
        h.append("<p>")
                .append(esc(sources.size() + " sources, shown at " + now))
                .append("</p>\n");
        banner.ifPresent(b ->
                h.append("<p class=\"banner\" role=\"status\">").append(esc(b)).append("</p>\n"));
        for (Source source : sources) {
            section(h, source, approvalEnabled);
        }
        if (sources.isEmpty()) {
            h.append("<p>No source has reported yet.</p>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, Source source, boolean approvalEnabled) {
        SourceStatus s = source.report().status();
        h.append("<section id=\"source-").append(esc(s.name())).append("\">\n");
        h.append("<h2>").append(esc(s.name())).append("</h2>\n<dl>\n");
        dt(h, "Repository", s.url() + " (branch " + s.branch() + ")");
        dt(h, "Paths", String.join(", ", s.paths()));
        dt(h, "Applyset", s.applyset());
        dt(h, "Leader", (s.leader().isEmpty() ? "-" : s.leader()) + (source.ledHere() ? " (this agent)" : ""));
        dt(h, "Observed commit", s.observedCommit().isEmpty() ? "none yet" : s.observedCommit());
        dt(h, "State revision", Long.toString(s.observedRevision()));
        dt(
                h,
                "Last apply",
                s.lastApply()
                        .map(a -> "revision " + a.revision() + " at " + a.time() + ", " + a.steps() + " steps")
                        .orElse("none"));
        dt(h, "Last cycle", s.lastCycle().map(Instant::toString).orElse("-") + " (cycle " + s.cycle() + ")");
        dt(h, "Next cycle", s.nextCycle().map(Instant::toString).orElse("-"));
        dt(h, "Drifted objects", Integer.toString(s.driftedObjects()));
        h.append("</dl>\n<h3>Conditions</h3>\n<table class=\"conditions\"><thead><tr><th>Type</th><th>Status</th>")
                .append("<th>Reason</th><th>Last transition</th><th>Message</th></tr></thead><tbody>\n");
        for (Condition c : s.conditions()) {
            h.append("<tr><td>")
                    .append(esc(c.type().wireName()))
                    .append("</td><td class=\"")
                    .append(c.status().wireName())
                    .append("\">")
                    .append(esc(c.status().wireName()))
                    .append("</td><td>")
                    .append(esc(c.reason()))
                    .append("</td><td>")
                    .append(esc(c.lastTransitionTime().toString()))
                    .append("</td><td class=\"msg\">")
                    .append(esc(c.message()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        waiting(h, source, approvalEnabled);
        h.append("<h3>External actions</h3>\n");
        if (s.externalActions().isEmpty()) {
            h.append("<p>None waiting.</p>\n");
        } else {
            h.append("<ul>\n");
            for (ExternalAction a : s.externalActions()) {
                h.append("<li>")
                        .append(esc(a.id() + ": " + a.step() + " — " + a.who() + ", since " + a.since()))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h3>History</h3>\n");
        List<CycleEvent> history = source.report().history();
        if (history.isEmpty()) {
            h.append("<p>Nothing has happened yet.</p>\n");
        } else {
            h.append("<table class=\"history\"><thead><tr><th>Cycle</th><th>Time</th><th>Outcome</th><th>Commit</th>")
                    .append("<th>Revision</th><th>Message</th></tr></thead><tbody>\n");
            for (CycleEvent e : history) {
                h.append("<tr><td>")
                        .append(e.cycle())
                        .append("</td><td>")
                        .append(esc(e.at().toString()))
                        .append("</td><td>")
                        .append(esc(e.outcome()))
                        .append("</td><td>")
                        .append(esc(e.commit().length() > 12 ? e.commit().substring(0, 12) : e.commit()))
                        .append("</td><td>")
                        .append(e.revision())
                        .append("</td><td class=\"msg\">")
                        .append(esc(e.message()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    private static void waiting(StringBuilder h, Source source, boolean approvalEnabled) {
        h.append("<h3>Waiting plan</h3>\n");
        Optional<HeldPlan> held = source.report().held();
        if (held.isEmpty()) {
            h.append("<p>No plan is waiting.</p>\n");
            return;
        }
        HeldPlan p = held.get();
        h.append("<div class=\"waiting\"><p>Plan <code>")
                .append(esc(p.digest()))
                .append("</code>: ")
                .append(esc(p.steps() + " steps " + p.classes() + ", made on revision " + p.baseRevision()
                        + " from commit " + p.commit() + ", waiting since " + p.heldAt()))
                .append("</p>\n");
        if (p.approval().isPresent()) {
            h.append("<p>")
                    .append(esc("Approved by " + p.approval().get().by() + " at "
                            + p.approval().get().at() + "; the agent applies it in its next cycle."))
                    .append("</p>\n");
        } else if (approvalEnabled) {
            String name = source.report().status().name();
            h.append("<form method=\"post\" action=\"/sources/")
                    .append(esc(name))
                    .append("/approve\"><input type=\"hidden\" name=\"digest\" value=\"")
                    .append(esc(p.digest()))
                    .append("\"><label>API token <input type=\"password\" name=\"token\" autocomplete=\"off\"")
                    .append(" required></label> <button type=\"submit\" name=\"approve\" value=\"")
                    .append(esc(name))
                    .append("\">Approve this plan</button></form>\n");
        } else {
            h.append("<p>Approval on this page is off (the configuration names no API token); approve with <code>")
                    .append(esc(p.approveCommand()))
                    .append("</code>.</p>\n");
        }
        h.append("<p>Or on the command line: <code>")
                .append(esc(p.approveCommand()))
                .append("</code></p>\n");
        source.planHtml()
                .ifPresent(
                        html -> h.append("<div class=\"plan\">\n").append(html).append("</div>\n"));
        h.append("</div>\n");
    }

    private static void dt(StringBuilder h, String name, String value) {
        h.append("<dt>")
                .append(esc(name))
                .append("</dt><dd>")
                .append(esc(value))
                .append("</dd>\n");
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
