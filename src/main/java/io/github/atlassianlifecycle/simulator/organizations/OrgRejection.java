package io.github.atlassianlifecycle.simulator.organizations;

import org.springframework.http.ResponseEntity;

/**
 * A request the simulated organizations API refuses, thrown from deep inside a check so the endpoints read as
 * straight lines; {@link OrganizationsController} turns it back into its error answer.
 */
final class OrgRejection extends RuntimeException {

    private final transient ResponseEntity<Object> response;

    OrgRejection(ResponseEntity<Object> response) {
        super(null, null, false, false);
        this.response = response;
    }

    ResponseEntity<Object> response() {
        return response;
    }
}
