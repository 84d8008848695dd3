package io.github.atlassianlifecycle.reference;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of an Atlassian API exactly as Atlassian's reference documents it, written down by hand in
 * {@code src/test/resources/atlassian/<family>/} (see the README there). Nothing in it comes from this project's
 * code: it is the second witness that both the clients and the simulator are tested against.
 *
 * @param file the fixture's classpath location, for messages
 * @param family the folder: organizations, usermanagement, scim, jira, confluence or bitbucket
 * @param documentation the reference page the answer was taken from
 * @param operation the client operation that makes this call, e.g. {@code organizations.user}
 * @param method the HTTP method
 * @param path the documented path template, e.g. {@code /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}}
 * @param status the documented status code
 * @param contentType the documented media type of the body; null when there is no body
 * @param headers documented response headers worth asserting (e.g. {@code Retry-After}); may be empty
 * @param body the documented body; null when the answer has none (e.g. 204)
 * @param schema the JSON Schema of the body, relative to the family's {@code schemas/} folder; null without a body
 * @param distinguishedBy JSON pointers into the body whose values tell this answer from others of the same call and
 *        status (e.g. {@code /errors/0/code} for two documented 409s); an answer seen on the wire is this one only
 *        when it has the same values there
 * @param note how the body was derived where the page gives only a schema, and anything the page leaves open
 */
public record DocumentedAnswer(String file, String family, String documentation, String operation, String method,
        String path, int status, String contentType, Map<String, String> headers, JsonNode body, String schema,
        List<String> distinguishedBy, String note) {

    public DocumentedAnswer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        distinguishedBy = distinguishedBy == null ? List.of() : List.copyOf(distinguishedBy);
    }

    /**
     * The same documented call answered otherwise: {@code status} with {@code body} in {@code contentType} (null for
     * none). For what the reference cannot document, such as a retired endpoint's 410 or a gateway's 404; the test
     * says why it serves one.
     */
    public DocumentedAnswer answeredWith(int status, String contentType, JsonNode body) {
        return new DocumentedAnswer(file, family, documentation, operation, method, path, status, contentType, Map.of(),
                body, null, List.of(), "derived from " + this + ": answered " + status);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean hasBody() {
        return body != null && !body.isNull();
    }

    /** The fixture's name without folder and extension, e.g. {@code user.404}. */
    public String name() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    @Override
    public String toString() {
        return family + "/" + name();
    }
}
