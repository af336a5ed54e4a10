package io.tenantctl.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the command line for one environment and runs it. Usage errors exit 64, with a "did you
 * mean" for a mistyped command or option; an unexpected exception is one line on standard error
 * and exit 1, never a stack trace (set {@code TENANTCTL_DEBUG=1} to see it).
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
        cli.setExecutionStrategy(Cli::execute);
        cli.setParameterExceptionHandler((e, args) -> usage(e));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ParameterException pe) {
                return usage(pe);
            }
            PrintWriter err = commandLine.getErr();
            err.println("error: " + describe(e));
            if (!environment.variable("TENANTCTL_DEBUG").isEmpty()) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.ERROR;
        });
        return cli;
    }

    /**
     * Runs the command, refusing first what picocli lets through when help is asked for: a word
     * that is no command or option ({@code tenantctl import --help} would print the top-level help
     * and exit 0, as if {@code import} existed).
     */
    private static int execute(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** One line saying what is wrong, a suggestion when a word is close to a known one, and where help is. */
    private static int usage(ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            message = unknown(commandLine.getCommandSpec(), unmatched.getUnmatched());
        }
        err.println("error: " + message);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** What an unmatched word is (an unknown command, option or argument), with the closest known ones. */
    private static String unknown(CommandSpec spec, List<String> words) {
        String word = words.get(0);
        if (word.startsWith("-")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> options = new ArrayList<>();
            for (OptionSpec option : spec.options()) {
                options.addAll(List.of(option.names()));
            }
            return "unknown option '" + name + "' for " + spec.qualifiedName() + Suggestions.didYouMean(name, options);
        }
        if (!spec.subcommands().isEmpty()) {
            return "unknown command '" + word + "' for " + spec.qualifiedName()
                    + Suggestions.didYouMean(word, spec.subcommands().keySet());
        }
        return "unexpected argument" + (words.size() == 1 ? " '" : "s '") + String.join("' '", words) + "' for "
                + spec.qualifiedName();
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
