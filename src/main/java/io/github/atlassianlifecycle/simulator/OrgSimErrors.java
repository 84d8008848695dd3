package io.github.atlassianlifecycle.simulator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The organizations API's error answers by code, in its {@code errors[]} shape (see {@link SimErrors}). */
final class OrgSimErrors {

    private OrgSimErrors() {
    }

    static ResponseEntity<Object> badRequest(String detail) {
        return SimErrors.organizations(HttpStatus.BAD_REQUEST, "ADMIN-UAM-400-1", "Bad Request", detail);
    }

    static ResponseEntity<Object> inactiveUser(String detail) {
        return SimErrors.organizations(HttpStatus.BAD_REQUEST, "ADMIN-UAM-400-2", "Bad Request", detail);
    }

    static ResponseEntity<Object> productNotLicensed(String detail) {
        return SimErrors.organizations(HttpStatus.BAD_REQUEST, "ADMIN-UAM-400-4", "Bad Request", detail);
    }

    /** Never echoes the credential it got. */
    static ResponseEntity<Object> unauthorized() {
        return SimErrors.organizations(HttpStatus.UNAUTHORIZED, "ADMIN-UAM-401-1", "Unauthorized",
                "The request needs an organization API key as a Bearer token");
    }

    static ResponseEntity<Object> paymentRequired() {
        return SimErrors.organizations(HttpStatus.PAYMENT_REQUIRED, "ADMIN-UAM-402-1", "Payment Required",
                "Inviting users needs at least one paid subscription in the organization");
    }

    static ResponseEntity<Object> forbidden(String detail) {
        return SimErrors.organizations(HttpStatus.FORBIDDEN, "ADMIN-UAM-403-1", "Forbidden", detail);
    }

    static ResponseEntity<Object> notFound(String detail) {
        return SimErrors.organizations(HttpStatus.NOT_FOUND, "ADMIN-UAM-404-1", "Not Found", detail);
    }

    static ResponseEntity<Object> orgNotFound() {
        return SimErrors.organizations(HttpStatus.NOT_FOUND, "ADMIN-UAM-404-2", "Not Found",
                "The organization does not exist or the key does not belong to it");
    }

    static ResponseEntity<Object> groupNotFound(String groupId) {
        return SimErrors.organizations(HttpStatus.NOT_FOUND, "ADMIN-UAM-404-3", "Not Found",
                "No group " + groupId + " in this directory");
    }

    static ResponseEntity<Object> conflict(String detail) {
        return SimErrors.organizations(HttpStatus.CONFLICT, "ADMIN-UAM-409-2", "Resource Conflicts", detail);
    }

    static ResponseEntity<Object> licenceLimit(String detail) {
        return SimErrors.organizations(HttpStatus.CONFLICT, "ADMIN-UAM-409-3", "Resource Conflicts", detail);
    }
}
