package io.github.atlassianlifecycle.api.batch;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchRow;
import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.batch.BatchSubmission;
import io.github.atlassianlifecycle.request.RequestService;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.github.atlassianlifecycle.api.QueryParameters;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.ProblemBody;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.Caller;
import io.github.atlassianlifecycle.api.ApiProblem;
import io.github.atlassianlifecycle.api.request.RequestViews;
import io.github.atlassianlifecycle.api.request.RequestController;

/**
 * Bulk requests: {@code POST /api/requests/bulk} takes many rows at once (CSV or a JSON array), one approval for
 * the batch, then a request of its own per approved row; {@code /api/batches} follows them. The same people submit
 * as single requests, and every row meets the single request's rules. With {@code dryRun=true} it answers what the
 * batch would do, each row as the single dry run answers it, and nothing is stored or started.
 */
@RestController
@Tag(name = "Bulk requests", description = "Many requests at once: one batch approval, then one request per row")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials of a Camunda user",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Basic realm=\"atlassian-lifecycle\"",
                schema = @Schema(type = "string")),
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemBody.class)))
public class BulkController {

    static final String BULK = RequestController.BASE + "/bulk";
    public static final String BATCHES = "/api/batches";
    static final String CSV = "text/csv";
    static final String ATOMIC = "atomic";
    private static final Pattern BATCH_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final BatchService batches;
    private final RequestViews views;
    private final BulkBodyReader reader;

    public BulkController(BatchService batches, RequestService requests, int maxRows) {
        this.batches = batches;
        this.views = new RequestViews(requests);
        this.reader = new BulkBodyReader(maxRows);
    }

    @Operation(summary = "Submit many requests at once", description = "CSV with the header exactly "
            + BulkBodyReader.HEADER + " (RFC 4180 quoting, CRLF or LF, UTF-8, a byte order mark tolerated), or a "
            + "JSON array of the objects POST /api/requests takes. Every row meets the single request's rules; a row "
            + "that breaks them, or repeats the action and account of an earlier row, is refused and named by its "
            + "line (CSV: the line of the file; JSON: the index in the array, from 0), and the good rows go to one "
            + "batch approval. With atomic=true nothing is stored or started if any row is refused. At most "
            + "atlassian.bulk.max-rows rows (default 5,000). With dryRun=true: the same parsing and refusals, then 200 "
            + "with each good row's dry run (as POST /api/requests?dryRun=true answers it), the refused rows and the "
            + "counts, and nothing stored, started or written to Atlassian; the rows are read from Atlassian one after "
            + "another, within the clients' rate limits.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The rows",
            content = { @Content(mediaType = CSV, schema = @Schema(type = "string", example = BulkBodyReader.HEADER
                    + "\nDISABLE,5b10ac8d82e05b22cc7d4ef5,,Left the company,TERMINATION")),
                    @Content(mediaType = JSON, schema = @Schema(type = "array",
                            implementation = io.github.atlassianlifecycle.request.NewRequest.class)) })
    @ApiResponse(responseCode = "200", description = "dryRun=true: what the batch would do; nothing was stored or "
            + "started",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = BulkDryRunView.class)))
    @ApiResponse(responseCode = "202", description = "Accepted: stored, and its approval started; refused rows are "
            + "in rows with status INVALID and their error",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The batch: /api/batches/{id}",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = BatchView.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: an unknown query parameter (or one given twice), "
            + "atomic or dryRun other than exactly true or false, a wrong header, a body that is not CSV or a JSON "
            + "array, no good row, or (atomic=true) any refused row: rows lists each with its line and reason. Nothing "
            + "is stored or started (a dry run is refused alike).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only lifecycle-requesters, lifecycle-automation "
            + "and camunda-admin submit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "413", description = "too-many-rows: more than atlassian.bulk.max-rows rows; "
            + "body-too-large: a body larger than the rows allowed could need. Nothing is stored or started.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "415", description = "unsupported-media-type: the body is neither text/csv nor "
            + "application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "503", description = "atlassian-unavailable: a dry run could not read Atlassian for "
            + "some row just now; no row is answered (Retry-After when Atlassian said when)",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait, when known",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @PostMapping(path = BULK, consumes = { CSV, JSON }, produces = JSON)
    ResponseEntity<?> submit(InputStream body,
            @Parameter(description = "true: nothing starts if any row is refused. Exactly true or false.",
                    schema = @Schema(type = "boolean", allowableValues = { "true", "false" }, defaultValue = "false"))
            @RequestParam(name = ATOMIC, required = false) String atomic,
            @Parameter(description = "true: only say what the batch would do, and store and start nothing (200). "
                    + "Exactly true or false.", schema = @Schema(type = "boolean", allowableValues = { "true",
                            "false" }, defaultValue = "false"))
            @RequestParam(name = RequestController.DRY_RUN, required = false) String dryRun,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.maySubmit()) {
            throw ApiProblem.forbidden("Only lifecycle-requesters, lifecycle-automation and camunda-admin submit requests.");
        }
        boolean allOrNothing = QueryParameters.flag(ATOMIC, atomic);
        boolean dry = QueryParameters.flag(RequestController.DRY_RUN, dryRun);
        boolean csv = contentType.isCompatibleWith(MediaType.parseMediaType(CSV));
        Batch.Source source = csv ? Batch.Source.CSV : Batch.Source.JSON;
        List<BatchRow> rows = csv ? reader.csv(body) : reader.json(body);
        BatchSubmission result = dry ? batches.dryRun(rows, allOrNothing)
                : batches.submit(source, rows, caller.userId(), allOrNothing);
        if (result instanceof BatchSubmission.Refused refused) {
            throw refused(refused, csv, rows.size());
        }
        if (result instanceof BatchSubmission.Tried tried) {
            return ResponseEntity.ok(BulkDryRunView.of(source, tried,
                    row -> views.dryRun(row.dryRun(), row.row().request(), caller)));
        }
        Batch batch = ((BatchSubmission.Accepted) result).batch();
        return ResponseEntity.accepted().location(URI.create(BATCHES + "/" + batch.id()))
                .body(BatchView.of(batch, batches.state(batch)));
    }

    /** Bodies of another type. Without it no handler matches and the 415 is not problem details. */
    @Hidden
    @PostMapping(path = BULK)
    ResponseEntity<BatchView> submitOther() {
        throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the rows as text/csv or as an application/json array.");
    }

    @Operation(summary = "One batch: its status, counts by request status, and every row")
    @ApiResponse(responseCode = "200", description = "The batch",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = BatchView.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: a query parameter (it takes none)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "not-found: no such batch, or one of another requester",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(path = BATCHES + "/{id}", produces = JSON)
    BatchView get(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Batch batch = (BATCH_ID.matcher(id).matches() ? batches.find(id) : java.util.Optional.<Batch>empty())
                .filter(b -> caller.mayRead(b.requester()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "There is no batch " + id + " you may see."));
        return BatchView.of(batch, batches.state(batch));
    }

    @Operation(summary = "Batches, newest first", description = "Requesters see only their own. Each without its "
            + "counts and rows (GET its self link for them).")
    @ApiResponse(responseCode = "200", description = "One page of batches",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Page.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: a parameter is unknown, malformed or out of "
            + "range",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(path = BATCHES, produces = JSON)
    Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        if (page < 0 || size < 1 || size > RequestController.MAX_PAGE_SIZE) {
            throw new InvalidRequestException(List.of(new FieldError(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be 1 to " + RequestController.MAX_PAGE_SIZE)));
        }
        Caller caller = Caller.of(authentication);
        List<Batch> found = batches.search(caller.seesAllRequests() ? null : caller.userId(), (long) page * size,
                size + 1);
        return new Page(found.stream().limit(size).map(BatchView::summary).toList(), page, size, found.size() > size);
    }

    /** One page of batches. */
    record Page(List<BatchView> items, int page, int size, boolean hasMore) {
    }

    private static ApiProblem refused(BatchSubmission.Refused refused, boolean csv, int rowCount) {
        String why = refused.atomic() ? refused.refused().size() + " of " + rowCount + " row(s) refused, and "
                + "atomic=true" : rowCount == 0 ? "there are no rows" : "no row is good";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Nothing was stored or started: " + why + ". Each refused row is named by its "
                        + (csv ? "line in the file" : "index in the array, from 0") + ".")
                .with("rows", refused.refused().stream().map(row -> new ProblemBody.RefusedRow(row.line(),
                        row.error())).toList());
    }
}
