package io.tenantctl.diag;

/** How bad a diagnostic is: errors stop a run, warnings are reported and let it go on. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case word used in every output format. */
    public String label() {
        return label;
    }
}
