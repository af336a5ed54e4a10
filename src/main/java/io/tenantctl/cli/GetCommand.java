package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Names;
import io.tenantctl.model.WorldObject;
import io.tenantctl.render.StateViews;
import io.tenantctl.state.Snapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl get}: the current state. */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Show the current state: every object, the objects of one kind, or one object.",
        footer = {
            "",
            "Examples:",
            "  tenantctl get",
            "  tenantctl get tenants",
            "  tenantctl get Subscription msdn-1 -o yaml",
            "  tenantctl get accounts -o json",
        })
final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.YAML);
        Optional<Kind> wanted = Optional.empty();
        if (kind != null) {
            wanted = Kind.parseLenient(kind);
            if (wanted.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(), "unknown kind '" + kind + "' (expected Tenant, Account or Subscription)");
            }
        }
        Optional<Kind> only = wanted;
        return context.withStore(spec, output, state, store -> {
            Snapshot snapshot = store.read();
            List<WorldObject> objects = snapshot.world().objects().stream()
                    .filter(o -> only.map(k -> o.kind() == k).orElse(true))
                    .filter(o -> name == null
                            || o.name().equals(name)
                            || (o instanceof Account a && a.key().equals(Names.key(name))))
                    .toList();
            PrintWriter out = spec.commandLine().getOut();
            if (name != null && objects.isEmpty()) {
                return context.fail(
                        spec,
                        output,
                        ExitCodes.ERROR,
                        Codes.NOT_FOUND,
                        only.get() + "/" + name + " is not in the state at " + store.location());
            }
            switch (format) {
                case JSON -> out.print(StateViews.objectsJson(objects));
                case YAML -> out.print(StateViews.objectsYaml(objects));
                case TEXT, MARKDOWN -> {
                    if (objects.isEmpty()) {
                        out.println("No objects in the state at " + store.location() + " (revision "
                                + snapshot.revision() + ").");
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
