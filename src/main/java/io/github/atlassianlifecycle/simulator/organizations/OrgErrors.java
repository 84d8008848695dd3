package io.github.atlassianlifecycle.simulator.organizations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.github.atlassianlifecycle.simulator.core.ErrorBodies;

/**
 * The organizations API's error answers by code, in its {@code errors[]} shape (see {@link ErrorBodies}), each with
 * the title the reference's list of {@code ADMIN-UAM} codes gives it (ApiError.code of the Organizations REST API).
 */
final class OrgErrors {

    private OrgErrors() {
    }

    static ResponseEntity<Object> badRequest(String detail) {
        return ErrorBodies.organizations(HttpStatus.BAD_REQUEST, "ADMIN-UAM-400-1", "Bad Request", detail);
    }

    static ResponseEntity<Object> inactiveUser(String detail) {
        return ErrorBodies.organizations(HttpStatus.BAD_REQUEST, "ADMIN-UAM-400-2", "Inactive user", detail);
    }

    static ResponseEntity<Object> productNotLicensed(String detail) {
        return ErrorBodies.organizations(HttpStatus.BAD_REQUEST, "ADMIN-UAM-400-4", "Product not licensed", detail);
    }

    /** Never echoes the credential it got. */
    static ResponseEntity<Object> unauthorized() {
        return ErrorBodies.organizations(HttpStatus.UNAUTHORIZED, "ADMIN-UAM-401-1", "Unauthenticated",
                "The request needs an organization API key as a Bearer token");
    }

    static ResponseEntity<Object> paymentRequired() {
        return ErrorBodies.organizations(HttpStatus.PAYMENT_REQUIRED, "ADMIN-UAM-402-1", "Payment Required",
                "Inviting users needs at least one paid subscription in the organization");
    }

    static ResponseEntity<Object> forbidden(String detail) {
        return ErrorBodies.organizations(HttpStatus.FORBIDDEN, "ADMIN-UAM-403-1", "Forbidden", detail);
    }

    static ResponseEntity<Object> notAllowedToManageTheOrg() {
        return ErrorBodies.organizations(HttpStatus.FORBIDDEN, "ADMIN-UAM-403-2", "Not allowed to manage the org",
                "The API key is not allowed to manage this organization");
    }

    static ResponseEntity<Object> notFound(String detail) {
        return ErrorBodies.organizations(HttpStatus.NOT_FOUND, "ADMIN-UAM-404-1", "Unknown Resource", detail);
    }

    static ResponseEntity<Object> orgNotFound() {
        return ErrorBodies.organizations(HttpStatus.NOT_FOUND, "ADMIN-UAM-404-2", "Organization not found",
                "The organization does not exist or the key does not belong to it");
    }

    static ResponseEntity<Object> groupNotFound(String groupId) {
        return ErrorBodies.organizations(HttpStatus.NOT_FOUND, "ADMIN-UAM-404-3", "Group Not Found",
                "No group " + groupId + " in this directory");
    }

    static ResponseEntity<Object> conflict(String detail) {
        return ErrorBodies.organizations(HttpStatus.CONFLICT, "ADMIN-UAM-409-2", "Resource Conflicts", detail);
    }

    static ResponseEntity<Object> licenceLimit(String detail) {
        return ErrorBodies.organizations(HttpStatus.CONFLICT, "ADMIN-UAM-409-3", "Product License Limit Exceeded",
                detail);
    }
}
