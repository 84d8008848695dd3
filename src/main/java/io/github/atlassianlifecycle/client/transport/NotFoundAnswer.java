package io.github.atlassianlifecycle.client.transport;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;

/**
 * Tells a 404 that is an API's documented answer ("no such account, user or group": a business outcome) from a 404
 * of an endpoint that is not there (retired, moved, mistyped: an incident). Only a body in the family's documented
 * not-found shape counts as the former:
 * <ul>
 *   <li>organizations: an {@code errors[]} entry whose {@code code} is one of the API's 404 codes
 *   ({@code ADMIN-UAM-404-1} unknown resource, {@code -404-2} organization, {@code -404-3} group; {@code ADMIN-404-n});
 *   the same envelope without such a code is the generic answer of an unknown path ({@code -404-2} is documented but
 *   says the configured organization is unknown: the organizations client makes it a misconfiguration);</li>
 *   <li>user management: key {@code accountNotFound}, the only key its account endpoints document for a 404
 *   ({@code notFound} is the generic unknown resource);</li>
 *   <li>SCIM: RFC 7644's error schema with status 404;</li>
 *   <li>Jira: an ErrorCollection ({@code errorMessages} or {@code errors});</li>
 *   <li>Confluence: its error body, {@code statusCode} 404 with a {@code message};</li>
 *   <li>Bitbucket Data Center: {@code errors[]} with a {@code message}.</li>
 * </ul>
 * For SCIM, Jira, Confluence and Bitbucket the documented not-found carries no endpoint-specific code, so a gone
 * endpoint that still answers in the API's own shape cannot be told from an absent resource; a 410, an empty body, a
 * gateway's page or another shape can.
 */
final class NotFoundAnswer {

    private static final Pattern ORGANIZATIONS_NOT_FOUND = Pattern.compile("ADMIN(-UAM)?-404-\\d+");
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private NotFoundAnswer() {
    }

    /** Whether {@code body} is the family's documented not-found answer. */
    static boolean isDocumented(ApiFamily family, String body, ObjectMapper json) {
        JsonNode root = parse(body, json);
        if (root == null) {
            return false;
        }
        return switch (family) {
            case ORGANIZATIONS -> organizations(root);
            case USER_MANAGEMENT -> "accountNotFound".equals(root.path("key").asText(null));
            case SCIM -> scim(root);
            case JIRA -> root.path("errorMessages").isArray() || root.path("errors").isObject();
            case CONFLUENCE -> root.path("statusCode").asInt() == 404 && root.path("message").isTextual();
            case BITBUCKET -> bitbucket(root);
        };
    }

    private static boolean organizations(JsonNode root) {
        for (JsonNode error : root.path("errors")) {
            if (ORGANIZATIONS_NOT_FOUND.matcher(error.path("code").asText("")).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean scim(JsonNode root) {
        boolean errorSchema = false;
        for (JsonNode schema : root.path("schemas")) {
            errorSchema |= SCIM_ERROR.equals(schema.asText());
        }
        return errorSchema && "404".equals(root.path("status").asText());
    }

    private static boolean bitbucket(JsonNode root) {
        JsonNode errors = root.path("errors");
        return errors.isArray() && !errors.isEmpty() && errors.path(0).path("message").isTextual();
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = json.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
