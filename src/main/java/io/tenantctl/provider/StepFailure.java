package io.tenantctl.provider;

import java.util.List;
import java.util.Optional;

/**
 * A step a live provider could not perform: which request failed and what the service said (its
 * error code and request id, which Microsoft support asks for); never a token or a secret.
 */
public final class StepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String requestId;
    private final List<String> requestIds;

    /**
     * @param code       the service's error code, or tenantctl's ({@code not-observed})
     * @param requestId  the failed request's id, when the service gave one
     * @param requestIds the ids of the step's requests that did succeed before it
     */
    public StepFailure(String message, String code, Optional<String> requestId, List<String> requestIds) {
        super(message);
        this.code = code;
        this.requestId = requestId.orElse(null);
        this.requestIds = List.copyOf(requestIds);
    }

    public String code() {
        return code;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public List<String> requestIds() {
        return requestIds;
    }
}
