package io.github.atlassianlifecycle.simulator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A SCIM error raised deep inside a request (while reading a body, a filter or a patch) and answered as SCIM's
 * error body by the controller. Thrown before anything is changed, so a refused request leaves no trace.
 */
final class SimScimError extends RuntimeException {

    private final HttpStatus status;
    private final String scimType;

    SimScimError(HttpStatus status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static SimScimError badRequest(String scimType, String detail) {
        return new SimScimError(HttpStatus.BAD_REQUEST, scimType, detail);
    }

    static SimScimError notFound(String detail) {
        return new SimScimError(HttpStatus.NOT_FOUND, null, detail);
    }

    static SimScimError uniqueness(String detail) {
        return new SimScimError(HttpStatus.CONFLICT, "uniqueness", detail);
    }

    ResponseEntity<Object> toResponse() {
        return SimErrors.scim(status, scimType, getMessage());
    }
}
