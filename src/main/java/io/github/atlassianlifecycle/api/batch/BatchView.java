package io.github.atlassianlifecycle.api.batch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchState;
import io.github.atlassianlifecycle.request.RequestStatus;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A batch as the API shows it: {@code {id, status, counts:{<request status>: n}, rows:[{line, requestId, status,
 * error}]}}, with who submitted it, what its lines count ({@code source}) and its decision. The list leaves out the
 * counts and rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BatchView(String id, BatchState.Status status,
        @Schema(description = "CSV: a row's line is the line of the file it begins on (the header is line 1); JSON: "
                + "the row's index in the array, from 0") Batch.Source source,
        String requester, Instant submittedAt, Decision decision,
        @Schema(description = "Rows per request status") Map<RequestStatus, Integer> counts, List<Row> rows,
        Map<String, String> links) {

    /** Who decided on the batch, when, and why. */
    record Decision(Batch.Decision decision, String by, Instant at, String comment) {
    }

    /** One row: its request once started, its status, and why it was refused or not started. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(int line, String requestId, RequestStatus status, String error) {
    }

    static BatchView of(Batch batch, BatchState state) {
        return new BatchView(batch.id(), state.status(), batch.source(), batch.requester(), batch.createdAt(),
                decision(batch), state.counts(), state.rows().stream()
                        .map(row -> new Row(row.line(), row.requestId(), row.status(), row.error())).toList(),
                links(batch));
    }

    static BatchView summary(Batch batch) {
        return new BatchView(batch.id(), null, batch.source(), batch.requester(), batch.createdAt(), decision(batch),
                null, null, links(batch));
    }

    private static Decision decision(Batch batch) {
        return batch.decision() == null ? null
                : new Decision(batch.decision(), batch.decidedBy(), batch.decidedAt(), batch.decisionComment());
    }

    private static Map<String, String> links(Batch batch) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", BulkController.BATCHES + "/" + batch.id());
        return links;
    }
}
