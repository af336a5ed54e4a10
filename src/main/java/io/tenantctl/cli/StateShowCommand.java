package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Kind;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.render.StateViews;
import io.tenantctl.render.Style;
import io.tenantctl.state.Snapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl state show KIND/NAME}: one object, with who owns it and which revision wrote it. */
@Command(
        name = "show",
        sortOptions = false,
        description = "Show one object of the state as a manifest, with the applyset that owns it, the revision"
                + " that last wrote it and the source of its manifests.",
        footer = {
            "",
            "Exit codes: 0 shown, 1 error (no state at the URL, or no such object), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl state show Tenant/contoso",
            "  tenantctl state show subscription/msdn-1 -o json",
        })
final class StateShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "KIND/NAME", description = "The object, as 'state list' names it.")
    String address;

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    private final Context context;

    StateShowCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        ObjectRef ref = parse();
        Style style = output.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            Snapshot snapshot = store.read();
            Optional<WorldObject> object = snapshot.world().get(ref);
            if (object.isEmpty()) {
                List<String> names = snapshot.world().objects().stream()
                        .filter(o -> o.kind() == ref.kind())
                        .map(WorldObject::name)
                        .toList();
                return context.fail(
                        spec,
                        style,
                        ExitCodes.ERROR,
                        Codes.NOT_FOUND,
                        ref + " is not in the state at " + store.location()
                                + Suggestions.didYouMean(ref.name(), names));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(
                    format == OutputFormat.JSON
                            ? StateViews.objectShownJson(object.get(), snapshot.ownership(ref))
                            : StateViews.objectShown(object.get(), snapshot.ownership(ref)));
            out.flush();
            return ExitCodes.OK;
        });
    }

    /** {@code Kind/name}, the kind in any case and plural too, as {@code get} takes it. */
    private ObjectRef parse() {
        int slash = address.indexOf('/');
        if (slash <= 0 || slash == address.length() - 1) {
            throw Usage.error(
                    spec,
                    "expected KIND/NAME, such as Tenant/contoso (see 'tenantctl state list'), not '" + address + "'");
        }
        String kind = address.substring(0, slash);
        return Kind.parseLenient(kind)
                .map(k -> new ObjectRef(k, address.substring(slash + 1)))
                .orElseThrow(() -> Usage.error(
                        spec,
                        "unknown kind '" + kind + "' in " + address + " (expected Tenant, Account or Subscription)"
                                + Suggestions.didYouMean(kind, List.of("Tenant", "Account", "Subscription"))));
    }
}
