package io.tenantctl.cli;

/** The exit codes of DESIGN.md section 3, the contract pipelines act on. */
public final class ExitCodes {

    private ExitCodes() {}

    /** Success; with {@code --detailed-exitcode}, success and no changes. */
    public static final int OK = 0;
    /** An error; nothing was changed. */
    public static final int ERROR = 1;
    /** With {@code --detailed-exitcode} only: the plan has changes (or {@code drift} found drift). */
    public static final int CHANGES = 2;
    /** The state moved since a saved plan was made, or another apply holds the lock. */
    public static final int CONFLICT = 3;
    /**
     * An apply did what it could and waits for external actions (a guest's redemption, a DNS
     * record): it lists them; confirm them with {@code --confirm ID} and apply again.
     */
    public static final int AWAITING = 4;
    /** The command line was wrong (BSD sysexits EX_USAGE). */
    public static final int USAGE = 64;
}
