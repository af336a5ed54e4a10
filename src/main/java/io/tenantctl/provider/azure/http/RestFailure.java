package io.tenantctl.provider.azure.http;

import java.util.Optional;

/**
 * A request that failed for good: after the retries {@link Retry} allows, with an error status, or
 * without an answer. Its message names the request (method, path, query), the status, the
 * service's error code and message and its request id, which Microsoft support asks for; never a
 * header, so never a token.
 *
 * @param status    the HTTP status, 0 when no answer came
 * @param code      the service's {@code error.code} ({@code Authorization_RequestDenied},
 *                  {@code AuthorizationFailed}, ...), {@code network} or {@code token} when none
 * @param requestId the service's request id, when it gave one
 */
public final class RestFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String request;
    private final int status;
    private final String code;
    private final String serviceMessage;
    private final String requestId;

    public RestFailure(String request, int status, String code, String serviceMessage, Optional<String> requestId) {
        super(request + " failed: " + (status == 0 ? "" : status + " ") + code
                + (serviceMessage.isBlank() ? "" : ": " + serviceMessage)
                + requestId.map(id -> " (request id " + id + ")").orElse(""));
        this.request = request;
        this.status = status;
        this.code = code;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId.orElse(null);
    }

    public String request() {
        return request;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String serviceMessage() {
        return serviceMessage;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Not found: a read-after-write may still be waiting for replication. */
    public boolean notFound() {
        return status == 404;
    }
}
