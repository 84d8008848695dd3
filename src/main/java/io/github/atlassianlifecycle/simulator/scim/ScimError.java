package io.github.atlassianlifecycle.simulator.scim;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.github.atlassianlifecycle.simulator.core.ErrorBodies;

/**
 * A SCIM error raised deep inside a request (while reading a body, a filter or a patch) and answered as SCIM's
 * error body by the controller. Thrown before anything is changed, so a refused request leaves no trace.
 */
final class ScimError extends RuntimeException {

    private final HttpStatus status;
    private final String scimType;

    ScimError(HttpStatus status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimError badRequest(String scimType, String detail) {
        return new ScimError(HttpStatus.BAD_REQUEST, scimType, detail);
    }

    static ScimError notFound(String detail) {
        return new ScimError(HttpStatus.NOT_FOUND, null, detail);
    }

    static ScimError uniqueness(String detail) {
        return new ScimError(HttpStatus.CONFLICT, "uniqueness", detail);
    }

    ResponseEntity<Object> toResponse() {
        return ErrorBodies.scim(status, scimType, getMessage());
    }
}
