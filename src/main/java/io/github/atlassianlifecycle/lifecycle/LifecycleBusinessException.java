package io.github.atlassianlifecycle.lifecycle;

import io.github.atlassianlifecycle.client.AtlassianApiException;

/**
 * A step that cannot succeed by trying again: the process routes it (usually to a "resolve manually" task).
 * Only business failures are wrapped in this: transient ones stay {@link AtlassianApiException}s so the job is
 * retried, and an unavailable endpoint or a wrong setting stays one so the job becomes an incident naming it.
 */
public class LifecycleBusinessException extends RuntimeException {

    private final BusinessError error;

    public LifecycleBusinessException(BusinessError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public BusinessError error() {
        return error;
    }

    /**
     * Classifies a business failure of an API call. Call only for business failures
     * ({@link AtlassianApiException#isBusiness()}).
     */
    public static LifecycleBusinessException of(AtlassianApiException failure) {
        if (!failure.isBusiness()) {
            throw new IllegalArgumentException("a " + failure.kind() + " failure is not modelled", failure);
        }
        return new LifecycleBusinessException(classify(failure), failure.getMessage(), failure);
    }

    static BusinessError classify(AtlassianApiException failure) {
        String key = failure.errorKey() == null ? "" : failure.errorKey();
        String reason = failure.reasonKey() == null ? "" : failure.reasonKey();
        return switch (failure.status()) {
            case 404 -> key.startsWith("ADMIN-UAM-404-3") ? BusinessError.REFUSED : BusinessError.ACCOUNT_NOT_FOUND;
            case 401 -> BusinessError.NOT_AUTHORIZED;
            case 403 -> {
                if (key.equals("forbidden.unclaimedDomain") || reason.equals("managedAccount")) {
                    yield BusinessError.ACCOUNT_NOT_MANAGED;
                }
                if (reason.startsWith("externalDirectory.") || reason.equals("authPolicy.saml")) {
                    yield BusinessError.MANAGED_BY_IDENTITY_PROVIDER;
                }
                yield BusinessError.NOT_AUTHORIZED;
            }
            case 409 -> key.equals("ADMIN-UAM-409-3") ? BusinessError.LICENCE_LIMIT : BusinessError.NOT_ELIGIBLE;
            case 402 -> BusinessError.LICENCE_LIMIT;
            case 400 -> BusinessError.INVALID_REQUEST;
            default -> BusinessError.REFUSED;
        };
    }
}
