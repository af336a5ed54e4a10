package io.tenantctl.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds the command line for one environment and runs it. Usage errors exit 64; an unexpected
 * exception is one line on standard error and exit 1, never a stack trace (set
 * {@code TENANTCTL_DEBUG=1} to see it).
 */
public final class Cli {

    private final Environment environment;

    public Cli(Environment environment) {
        this.environment = environment;
    }

    public CommandLine commandLine() {
        Context context = new Context(environment);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Context.class) {
                        constructor.setAccessible(true);
                        return type.cast(constructor.newInstance(context));
                    }
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new TenantctlCommand(), factory);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof CommandLine.ParameterException pe) {
                err.println("error: " + pe.getMessage());
                err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
                err.flush();
                return ExitCodes.USAGE;
            }
            err.println("error: " + describe(e));
            if (!environment.variable("TENANTCTL_DEBUG").isEmpty()) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.ERROR;
        });
        return cli;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return "internal error: " + message.replaceAll("\\s+", " ");
    }

    public int run(String... args) {
        return commandLine().execute(args);
    }
}
