package io.tenantctl.plan;

/** Why a plan file cannot be used: not a plan, another format version, or a digest that does not match. */
public final class InvalidPlanException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    InvalidPlanException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The diagnostic code. */
    public String code() {
        return code;
    }
}
