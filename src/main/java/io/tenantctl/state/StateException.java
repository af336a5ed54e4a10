package io.tenantctl.state;

/**
 * A failure of the state store that the user must see as one clear line: the store cannot be
 * reached, is locked, or holds something this version cannot read. Its code is the diagnostic code.
 */
public class StateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public StateException(String code, String message) {
        super(message);
        this.code = code;
    }

    public StateException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
