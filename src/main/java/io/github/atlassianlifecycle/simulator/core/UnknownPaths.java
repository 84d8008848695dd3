package io.github.atlassianlifecycle.simulator.core;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a path under a simulated API that no endpoint serves, in that API's own error shape (never the web
 * framework's generic problem document). The references do not say what an unknown path answers, so the shape is
 * {@linkplain UnknownPathAnswer switchable}; the default is chosen so that a client can still tell an endpoint that
 * is not there from a resource that is absent:
 * <ul>
 *   <li>organizations: {@code errors[]} with status "404" and no {@code ADMIN-UAM-404-*} code;</li>
 *   <li>user management: key {@code notFound}, not the account endpoints' {@code accountNotFound};</li>
 *   <li>SCIM, Jira, Confluence, Bitbucket: their error bodies with 404 (RFC 7644 itself says a 404 may mean the
 *   endpoint does not exist). Their documented not-found answers carry no endpoint-specific code, so this reads as
 *   an absent resource; {@link UnknownPathAnswer#GONE} and {@link UnknownPathAnswer#PLAIN} show what a client does
 *   with an endpoint it can recognise as gone.</li>
 * </ul>
 */
public final class UnknownPaths {

    private UnknownPaths() {
    }

    public static ResponseEntity<Object> answer(SimulatedApi api, UnknownPathAnswer kind, String method, String path) {
        if (kind == UnknownPathAnswer.PLAIN) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not Found");
        }
        HttpStatus status = kind == UnknownPathAnswer.GONE ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
        String what = kind == UnknownPathAnswer.GONE ? "The endpoint " + method + " " + path + " has been removed"
                : "No endpoint " + method + " " + path;
        return switch (api) {
            case ORGANIZATIONS -> ErrorBodies.organizationsWithoutCode(status, status.getReasonPhrase(), what);
            case USER_MANAGEMENT -> ErrorBodies.userManagement(status, "notFound", null);
            case SCIM -> ErrorBodies.scim(status, null, what);
            case JIRA -> ErrorBodies.jira(status, List.of(what), null);
            case CONFLUENCE -> ErrorBodies.confluence(status, what);
            case BITBUCKET -> ErrorBodies.bitbucket(status, what, null);
        };
    }
}
