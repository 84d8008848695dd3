package io.github.atlassianlifecycle.api.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchSubmission;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.request.DryRun;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.github.atlassianlifecycle.api.request.DryRunView;

/**
 * A bulk dry run as the API shows it: every row by line, each good one with the single dry run's own answer
 * ({@link DryRunView}, not a shape of its own), each refused one with why, and the counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BulkDryRun", description = "What the batch would do if submitted now; nothing was stored or started")
record BulkDryRunView(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Always true: nothing was done") boolean dryRun,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "CSV: a row's line is the line of the file it "
                + "begins on (the header is line 1); JSON: the row's index in the array, from 0") Batch.Source source,
        @Schema(requiredMode = RequiredMode.REQUIRED) Summary summary,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Every row, by line") List<Row> rows) {

    /** The counts an approver of the batch would look at first. */
    @Schema(name = "BulkDryRunSummary")
    record Summary(
            @Schema(description = "Rows in the body") int rows,
            @Schema(description = "Rows refused, as a submission would refuse them (status INVALID there)") int refused,
            @Schema(description = "Good rows per dry-run result") Map<DryRun.Result, Integer> byResult,
            @Schema(description = "Good rows per action") Map<LifecycleAction, Integer> byAction) {
    }

    /** One row: the dry run of its request, or why a submission would refuse it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BulkDryRunRow")
    record Row(@Schema(requiredMode = RequiredMode.REQUIRED) int line,
            @Schema(description = "Why the row is refused; absent for a good row") String error,
            @Schema(description = "What the row's request would do, as POST /api/requests?dryRun=true answers it; "
                    + "absent for a refused row") DryRunView answer) {
    }

    static BulkDryRunView of(Batch.Source source, BatchSubmission.Tried tried,
            Function<BatchSubmission.TriedRow, DryRunView> answer) {
        Map<DryRun.Result, Integer> byResult = new EnumMap<>(DryRun.Result.class);
        Map<LifecycleAction, Integer> byAction = new EnumMap<>(LifecycleAction.class);
        int refused = 0;
        List<Row> rows = new ArrayList<>(tried.rows().size());
        for (BatchSubmission.TriedRow row : tried.rows()) {
            if (row.dryRun() == null) {
                refused++;
                rows.add(new Row(row.row().line(), row.row().error(), null));
            } else {
                byResult.merge(row.dryRun().result(), 1, Integer::sum);
                byAction.merge(row.row().request().action(), 1, Integer::sum);
                rows.add(new Row(row.row().line(), null, answer.apply(row)));
            }
        }
        return new BulkDryRunView(true, source, new Summary(rows.size(), refused, byResult, byAction), rows);
    }
}
