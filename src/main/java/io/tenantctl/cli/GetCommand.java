package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Names;
import io.tenantctl.model.WorldObject;
import io.tenantctl.render.StateViews;
import io.tenantctl.render.Style;
import io.tenantctl.state.Snapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl get}: the current state. */
@Command(
        name = "get",
        sortOptions = false,
        description = "Show the current state: every object, the objects of one kind, or one object.",
        footer = {
            "",
            "Exit codes: 0 shown, 1 error (no state at the URL, or no such object), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl get",
            "  tenantctl get tenants -o wide",
            "  tenantctl get Subscription msdn-1 -o yaml",
            "  tenantctl get accounts -l team=platform -o json",
        })
final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "KIND",
            description = "Tenant, Account or Subscription (any case, plural too).")
    String kind;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "NAME",
            description = "metadata.name (for accounts, the sign-in name works too).")
    String name;

    @Option(
            names = {"-l", "--selector"},
            paramLabel = "SELECTOR",
            description = "Only objects whose labels match: key=value, key!=value, key or !key, comma-separated;"
                    + " repeatable, all must hold (as kubectl).")
    List<String> selectors = new ArrayList<>();

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    private final Context context;

    GetCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML);
        Optional<Kind> wanted = Optional.empty();
        if (kind != null) {
            wanted = Kind.parseLenient(kind);
            if (wanted.isEmpty()) {
                throw Usage.error(
                        spec,
                        "unknown kind '" + kind + "' (expected Tenant, Account or Subscription)"
                                + Suggestions.didYouMean(kind, List.of("tenants", "accounts", "subscriptions")));
            }
        }
        if (name != null && !selectors.isEmpty()) {
            throw Usage.error(spec, "a NAME and -l select in two ways; give one or the other");
        }
        Predicate<WorldObject> labelled = LabelSelector.parse(spec, selectors);
        Optional<Kind> only = wanted;
        Style style = output.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            Snapshot snapshot = store.read();
            List<WorldObject> objects = snapshot.world().objects().stream()
                    .filter(o -> only.map(k -> o.kind() == k).orElse(true))
                    .filter(o -> name == null
                            || o.name().equals(name)
                            || (o instanceof Account a && a.key().equals(Names.key(name))))
                    .filter(labelled)
                    .toList();
            PrintWriter out = spec.commandLine().getOut();
            if (name != null && objects.isEmpty()) {
                return context.fail(
                        spec,
                        style,
                        ExitCodes.ERROR,
                        Codes.NOT_FOUND,
                        only.get() + "/" + name + " is not in the state at " + store.location());
            }
            switch (format) {
                case JSON -> out.print(StateViews.objectsJson(objects));
                case YAML -> out.print(StateViews.objectsYaml(objects));
                case TEXT, WIDE, MARKDOWN -> {
                    if (objects.isEmpty()) {
                        out.println("No " + (selectors.isEmpty() ? "" : "matching ") + "objects in the state at "
                                + store.location() + " (revision " + snapshot.revision() + ").");
                    } else if (format == OutputFormat.WIDE) {
                        out.print(StateViews.objectsWide(objects, snapshot.ownership()));
                    } else {
                        out.print(StateViews.objectsTable(objects));
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
