package io.github.atlassianlifecycle.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.github.atlassianlifecycle.api.request.RequestView;

/**
 * The shape of every refusal of the request API (RFC 9457 problem details), for {@code /v3/api-docs} only:
 * {@link Problems} and {@link ApiProblem} write the answers as Spring's {@code ProblemDetail}, and the integration
 * tests hold every problem they receive against the document.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json). The kinds of problem, "
        + "by type: docs/problems.md")
public record ProblemBody(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The kind of problem: docs/problems.md#<kind> "
                + "(about:blank for 401)") URI type,
        @Schema(requiredMode = RequiredMode.REQUIRED) String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The HTTP status") int status,
        @Schema(description = "What happened, for a person") String detail,
        @Schema(description = "The path that was called", format = "uri-reference") URI instance,
        @Schema(description = "invalid-request: every field (or parameter, or header) in error") List<FieldError> errors,
        @Schema(description = "duplicate-request: the request for the same account and action that is still open")
        RequestView openRequest,
        @Schema(description = "invalid-request of a bulk request: every refused row, by line (CSV: the line of the "
                + "file; JSON: the index in the array, from 0)") List<RefusedRow> rows,
        @Schema(description = "campaign-conflict: the campaign in the way") String campaignId) {

    /** A row of a bulk request that was refused, and why. */
    public record RefusedRow(int line, String error) {
    }
}
