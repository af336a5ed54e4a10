package io.tenantctl.render;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Severity;
import io.tenantctl.diag.Silenced;
import io.tenantctl.json.Json;
import io.tenantctl.plan.PlanWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diagnostics as text ({@code file:line:column: error[code]: message}, the form editors and CI
 * annotations recognise) and as the JSON objects of DESIGN.md section 4.
 */
public final class DiagnosticsView {

    private DiagnosticsView() {}

    public static String text(List<Diagnostic> diagnostics, Style style) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(line(d, style)).append('\n');
        }
        return out.toString();
    }

    public static String line(Diagnostic d, Style style) {
        String label = d.severity().label() + "[" + d.code() + "]";
        label = d.severity() == Severity.ERROR ? style.red(label) : style.yellow(label);
        String where = d.location().isKnown() ? style.bold(d.location().toString()) + ": " : "";
        return where + label + ": " + d.message();
    }

    /** A one-line count: {@code 2 errors, 1 warning}. */
    public static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    /**
     * What a run silenced, for under its summary: {@code 3 warnings silenced (global-admin-count,
     * portal-access x2)}; empty when it silenced nothing.
     */
    public static String silenced(Silenced silenced) {
        if (silenced.isEmpty()) {
            return "";
        }
        List<String> codes = new ArrayList<>();
        silenced.byCode().forEach((code, n) -> codes.add(n == 1 ? code : code + " x" + n));
        return plural(silenced.total(), "warning") + " silenced (" + String.join(", ", codes) + ")";
    }

    public static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    public static ArrayNode json(List<Diagnostic> diagnostics) {
        ArrayNode array = Json.NODES.arrayNode();
        for (Diagnostic d : diagnostics) {
            array.add(json(d));
        }
        return array;
    }

    public static ObjectNode json(Diagnostic d) {
        return PlanWriter.diagnostic(d);
    }

    /**
     * {@code validate -o json}: {@code {"valid": bool, "diagnostics": [...]}}, and the warnings
     * silenced by code ({@code "silencedWarnings": {"portal-access": 2}}) when there are any.
     */
    public static String validateJson(List<Diagnostic> diagnostics, Silenced silenced) {
        ObjectNode root = Json.object();
        root.put("valid", diagnostics.stream().noneMatch(Diagnostic::isError));
        root.set("diagnostics", json(diagnostics));
        if (!silenced.isEmpty()) {
            ObjectNode counts = root.putObject("silencedWarnings");
            silenced.byCode().forEach(counts::put);
        }
        return Json.pretty(root);
    }
}
