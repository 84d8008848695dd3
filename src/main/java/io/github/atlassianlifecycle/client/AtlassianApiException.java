package io.github.atlassianlifecycle.client;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Every failed call to an Atlassian API. {@link #kind()} tells three kinds apart:
 * <ul>
 *   <li><b>transient</b> (429, 5xx, 408, timeouts, connection failures): the same call may succeed later, so the
 *   process retries it; a 429 carries {@link #retryAt()};</li>
 *   <li><b>business</b> (400, 401, 403, 404, 409, ...): retrying changes nothing, so the process models it, using
 *   {@link #errorKey()} (the API's own code, for example {@code forbidden.unclaimedDomain} or
 *   {@code ADMIN-UAM-409-2}) and {@link #reasonKey()} (for example {@code externalDirectory.scim});</li>
 *   <li><b>endpoint unavailable</b> (410, or a 404 that is not the API's documented not-found answer): the endpoint
 *   itself is gone or was never there (retired by Atlassian, moved, mistyped). Neither a retry nor a modelled path
 *   helps; it is an incident for an operator, at once, and the message names the endpoint;</li>
 *   <li><b>misconfigured</b> (for example organizations' {@code ADMIN-UAM-404-2}, an organization id Atlassian does
 *   not know): the answer is about this plugin's configuration, not about the person; an incident at once, and the
 *   message names the setting to fix.</li>
 * </ul>
 * The message names the API, the operation, the status and the API's own explanation; it never holds a credential.
 */
public class AtlassianApiException extends RuntimeException {

    /** How the process should treat a failure. */
    public enum Kind {
        /** Try the same call again later. */
        TRANSIENT,
        /** Atlassian answered the call and refused it: model the outcome. */
        BUSINESS,
        /** The endpoint is not there: an incident naming it, without retries. */
        ENDPOINT_UNAVAILABLE,
        /** A configured value is wrong (an unknown organization id, say): an incident naming the setting. */
        MISCONFIGURED
    }

    private final ApiFamily family;
    private final String operation;
    private final int status;
    private final Kind kind;
    private final String errorKey;
    private final String reasonKey;
    private final String detail;
    private final Map<String, String> fieldErrors;
    private final Instant retryAt;
    private final String requestId;

    public AtlassianApiException(ApiFamily family, String operation, int status, String errorKey, String reasonKey,
            String detail, Map<String, String> fieldErrors, Instant retryAt, String requestId, Throwable cause) {
        this(message(family, operation, status, errorKey, reasonKey, detail), kindOf(status), family, operation,
                status, errorKey, reasonKey, detail, fieldErrors, retryAt, requestId, cause);
    }

    private AtlassianApiException(String message, Kind kind, ApiFamily family, String operation, int status,
            String errorKey, String reasonKey, String detail, Map<String, String> fieldErrors, Instant retryAt,
            String requestId, Throwable cause) {
        super(message, cause);
        this.family = family;
        this.operation = operation;
        this.status = status;
        this.kind = kind;
        this.errorKey = errorKey;
        this.reasonKey = reasonKey;
        this.detail = detail;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        this.retryAt = retryAt;
        this.requestId = requestId;
    }

    /** A call that got no HTTP answer at all: connection refused, reset, or timed out. */
    public static AtlassianApiException noAnswer(ApiFamily family, String operation, String what, Throwable cause) {
        return new AtlassianApiException(family, operation, 0, null, null, what, null, null, null, cause);
    }

    /**
     * The endpoint answered as if it were not there: 410 Gone, or a 404 that is not the API's documented not-found
     * answer. The message names the family, the operation and the endpoint as method and path template (no ids, no
     * credential), so an operator knows which call to fix.
     *
     * @param pathTemplate the path with {@code {}} for each id, e.g. {@code /admin/v2/orgs/{}/directories/{}/users/{}}
     */
    public static AtlassianApiException endpointUnavailable(ApiFamily family, String operation, int status,
            String method, String pathTemplate, String errorKey, String detail, String requestId) {
        String message = family.displayName() + " " + operation + ": the endpoint " + method + " " + pathTemplate
                + " answered " + status + (status == 410 ? " Gone" : " without the API's documented not-found answer")
                + "; Atlassian may have retired or moved it (see the endpoint lifecycle in docs/api-coverage.md)"
                + (detail == null || detail.isBlank() ? "" : ": " + detail);
        return new AtlassianApiException(message, Kind.ENDPOINT_UNAVAILABLE, family, operation, status, errorKey,
                null, detail, null, null, requestId, null);
    }

    /**
     * Atlassian's {@code answer} says a configured value is wrong rather than that the call's subject is absent, for
     * example {@code ADMIN-UAM-404-2} for an organization id it does not know. The message keeps the API's answer and
     * names the setting to fix; settings named here hold ids, never a credential, and the value is not repeated.
     *
     * @param what what the answer means for the configuration, e.g. "Atlassian knows no organization of that id"
     */
    public static AtlassianApiException misconfigured(AtlassianApiException answer, String setting, String what) {
        String message = answer.getMessage() + "; " + what + ": check the setting " + setting;
        return new AtlassianApiException(message, Kind.MISCONFIGURED, answer.family, answer.operation, answer.status,
                answer.errorKey, null, answer.detail, null, null, answer.requestId, answer);
    }

    /** 0 (no answer), 408, 429 and 5xx may succeed when tried again; everything else will not. */
    public static Kind kindOf(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500 ? Kind.TRANSIENT : Kind.BUSINESS;
    }

    private static String message(ApiFamily family, String operation, int status, String errorKey, String reasonKey,
            String detail) {
        StringBuilder message = new StringBuilder(family.displayName()).append(' ').append(operation);
        message.append(status == 0 ? " got no answer" : " answered " + StatusWords.of(status));
        if (errorKey != null) {
            message.append(' ').append(errorKey);
        }
        if (reasonKey != null) {
            message.append(" (").append(reasonKey).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail);
        }
        return message.toString();
    }

    public ApiFamily family() {
        return family;
    }

    public String operation() {
        return operation;
    }

    /** HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** Atlassian refused the call: the process models the outcome. */
    public boolean isBusiness() {
        return kind == Kind.BUSINESS;
    }

    public boolean isEndpointUnavailable() {
        return kind == Kind.ENDPOINT_UNAVAILABLE;
    }

    /** A configured value is wrong: the message names the setting. */
    public boolean isMisconfigured() {
        return kind == Kind.MISCONFIGURED;
    }

    /**
     * The API's documented "no such resource" (an unknown account, user or group): a 404 of kind business. Use this,
     * not the status, to read "absent": a 404 from an endpoint that is gone is not an absent resource.
     */
    public boolean isNotFound() {
        return status == 404 && kind == Kind.BUSINESS;
    }

    public boolean isRateLimited() {
        return status == 429;
    }

    /** The API's own error code or key, if its body had one. */
    public String errorKey() {
        return errorKey;
    }

    /** Why an action is restricted (user management {@code context.reason.key}), if the body said. */
    public String reasonKey() {
        return reasonKey;
    }

    public String detail() {
        return detail;
    }

    /** Field errors of a 400, field name to message. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** When a rate-limited call may be tried again, from {@code Retry-After} or {@code X-RateLimit-Reset}. */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    /** Atlassian's request or trace id, for support cases and the audit record. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
