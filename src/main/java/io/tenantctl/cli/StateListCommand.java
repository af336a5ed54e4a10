package io.tenantctl.cli;

import io.tenantctl.model.Kind;
import io.tenantctl.model.WorldObject;
import io.tenantctl.render.StateViews;
import io.tenantctl.render.Style;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.Snapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl state list}: every object's {@code Kind/name}, one a line, as terraform state list. */
@Command(
        name = "list",
        sortOptions = false,
        description = "List the objects in the state as Kind/name, one a line, for scripts and for" + " 'state show'.",
        footer = {
            "",
            "Exit codes: 0 listed (even none), 1 error (no state at the URL), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl state list",
            "  tenantctl state list subscriptions --applyset platform",
        })
final class StateListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "KIND",
            description = "Only this kind: Tenant, Account or Subscription (any case, plural too).")
    String kind;

    @Option(names = "--applyset", paramLabel = "NAME", description = "Only the objects this applyset owns.")
    String applyset;

    @Mixin
    StateOptions state;

    @Mixin
    ColorOption color;

    private final Context context;

    StateListCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<Kind> only = kind == null ? Optional.empty() : Kind.parseLenient(kind);
        if (kind != null && only.isEmpty()) {
            throw Usage.error(
                    spec,
                    "unknown kind '" + kind + "' (expected Tenant, Account or Subscription)"
                            + Suggestions.didYouMean(kind, List.of("tenants", "accounts", "subscriptions")));
        }
        Style style = color.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            Snapshot snapshot = store.read();
            List<WorldObject> objects = snapshot.world().objects().stream()
                    .filter(o -> only.map(k -> o.kind() == k).orElse(true))
                    .filter(o -> applyset == null
                            || snapshot.ownership(o.ref())
                                    .map(Ownership::applyset)
                                    .filter(applyset::equals)
                                    .isPresent())
                    .toList();
            PrintWriter out = spec.commandLine().getOut();
            out.print(StateViews.refs(objects));
            out.flush();
            return ExitCodes.OK;
        });
    }
}
