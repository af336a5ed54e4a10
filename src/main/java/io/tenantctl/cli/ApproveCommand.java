package io.tenantctl.cli;

import io.tenantctl.agent.status.HeldPlan;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.agent.store.Approval;
import io.tenantctl.diag.Codes;
import io.tenantctl.render.Style;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl approve SOURCE DIGEST}: lets the agent apply exactly the plan a source holds. */
@Command(
        name = "approve",
        sortOptions = false,
        description = "Approve the plan a source's agent holds for approval, named by its digest (as tenantctl"
                + " status and the status page show it; an unambiguous prefix of 12 or more hex digits will do)."
                + " The agent applies exactly that plan in its next cycle if the state has not moved since it was"
                + " made; otherwise it plans again and waits for a new approval.",
        footer = {
            "",
            "Exit codes: 0 approved (or approved already), 1 the source holds no plan (or no state at the URL),"
                    + " 3 the source holds another plan (it planned again since), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl approve seed sha256:0f1e2d3c4b5a...",
        })
final class ApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source, as the agent's configuration names it.")
    String source;

    @Parameters(index = "1", paramLabel = "DIGEST", description = "The digest of the plan to approve.")
    String digest;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Who approves, for the history (default: the operating-system user).")
    String by;

    @Mixin
    StateOptions state;

    @Mixin
    ColorOption color;

    private final Context context;

    ApproveCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String url = state.url(context.environment());
        String who = by != null && !by.isBlank() ? by : System.getProperty("user.name", "unknown");
        Style style = color.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            Approval approval = AgentStore.of(url)
                    .approve(source, digest, who, context.environment().clock().instant());
            String held = approval.held().map(HeldPlan::digest).orElse("");
            PrintWriter out = spec.commandLine().getOut();
            return switch (approval.result()) {
                case APPROVED -> {
                    out.println("Approved plan " + held + " of source " + source + " (as " + who
                            + "); the agent that leads it applies it in its next cycle.");
                    out.flush();
                    yield ExitCodes.OK;
                }
                case ALREADY_APPROVED -> {
                    out.println("Plan " + held + " of source " + source + " was approved already by "
                            + approval.held()
                                    .flatMap(HeldPlan::approval)
                                    .map(a -> a.by())
                                    .orElse("?") + ".");
                    out.flush();
                    yield ExitCodes.OK;
                }
                case NOTHING_WAITING ->
                    context.fail(
                            spec,
                            style,
                            ExitCodes.ERROR,
                            Codes.NOT_FOUND,
                            "source " + source + " holds no plan for approval (see tenantctl status " + source + ")");
                case OTHER_PLAN ->
                    context.fail(
                            spec,
                            style,
                            ExitCodes.CONFLICT,
                            Codes.STALE_PLAN,
                            "source " + source + " holds another plan, " + held + ", not " + digest
                                    + "; it planned again since (the commit or the state moved): review that plan"
                                    + " (tenantctl status " + source + ") and approve it");
            };
        });
    }
}
