package io.tenantctl.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The program's entry point. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Standard output through one large buffer, flushed by the commands when they are done or
        // before they ask a question: a plan of a million lines is then a few hundred writes,
        // not one flush per line.
        PrintWriter out = new PrintWriter(
                new BufferedWriter(
                        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                        1 << 16),
                false);
        int code;
        try {
            CommandLine commandLine = new Cli(Environment.system()).commandLine();
            commandLine.setOut(out);
            code = commandLine.execute(args);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            System.err.println("error: internal error: " + e);
            code = ExitCodes.ERROR;
        }
        out.flush();
        System.out.flush();
        System.exit(code);
    }
}
