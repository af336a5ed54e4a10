package io.tenantctl.cli;

/** The program's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new Cli(Environment.system()).run(args);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            System.err.println("error: internal error: " + e);
            code = ExitCodes.ERROR;
        }
        System.out.flush();
        System.exit(code);
    }
}
