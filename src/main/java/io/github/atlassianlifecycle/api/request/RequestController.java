package io.github.atlassianlifecycle.api.request;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.request.Evidence;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestQuery;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.request.SubmitResult;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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

/**
 * {@code /api/requests}: how HR systems, service desks and scripts ask for an account change and follow it. Every
 * request becomes a lifecycle process; the requester is always the authenticated caller.
 */
@RestController
@RequestMapping(RequestController.BASE)
@Tag(name = "Requests", description = "Ask for an Atlassian account change and follow it to the end")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials of a Camunda user",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Basic realm=\"atlassian-lifecycle\"",
                schema = @Schema(type = "string")),
        content = @Content(mediaType = RequestController.PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
@ApiResponse(responseCode = "400", description = "invalid-request: a query parameter the operation does not take, or "
        + "one given twice (errors names each); nothing was done",
        content = @Content(mediaType = RequestController.PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
public class RequestController {

    public static final String BASE = "/api/requests";
    public static final int MAX_PAGE_SIZE = 100;
    static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** The query parameter that makes a submission a dry run. */
    public static final String DRY_RUN = "dryRun";
    private static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final int IDEMPOTENCY_KEY_MAX = 128;
    private static final String IDEMPOTENCY_KEY_SYNTAX = "^[\\x21-\\x7E]{1," + IDEMPOTENCY_KEY_MAX + "}$";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile(IDEMPOTENCY_KEY_SYNTAX);
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String NOT_FOUND = "not-found: no such request, or one of another requester";

    private final RequestService requests;
    private final RequestRepository repository;
    private final RequestViews views;
    private final RequestBodyReader reader = new RequestBodyReader();

    public RequestController(RequestService requests, RequestRepository repository) {
        this.requests = requests;
        this.repository = repository;
        this.views = new RequestViews(requests);
    }

    @Operation(summary = "Submit a request, or try it (dryRun=true)", description = "Validates the body, stores the "
            + "request and starts its process. The same Idempotency-Key and body answer the same request again; the "
            + "same key with another body is 422. A second open request for the same account and action is 409. "
            + "Nothing is started on any 4xx. With dryRun=true: the same validation and authorization, then 200 with "
            + "what the request would do (the plan from live Atlassian state, who would approve it, what would stop "
            + "it), and nothing started, stored or written to Atlassian.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The request. The rules "
            + "per action: docs/problems.md#invalid-request",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = NewRequest.class)))
    @ApiResponse(responseCode = "200", description = "dryRun=true: what the request would do; nothing was started",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DryRunView.class)))
    @ApiResponse(responseCode = "202", description = "Accepted: stored and started (or, replayed with the same "
            + "Idempotency-Key and body, the request started then)",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The request: /api/requests/{id}",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: the body, the Idempotency-Key or dryRun "
            + "breaks the rules, or a query parameter is unknown or given twice; errors lists each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only lifecycle-requesters, lifecycle-automation "
            + "and camunda-admin submit (or try)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "409", description = "duplicate-request: a request for the same account and action "
            + "is still open (openRequest)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "415", description = "unsupported-media-type: the body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "422", description = "idempotency-key-reused: the Idempotency-Key was used with "
            + "another body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "503", description = "atlassian-unavailable: a dry run could not read Atlassian just "
            + "now (Retry-After when Atlassian said when)",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait, when known",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @PostMapping(consumes = JSON, produces = JSON)
    ResponseEntity<?> submit(@RequestBody(required = false) String body,
            @Parameter(description = "true: only say what the request would do, and start nothing (200). Exactly "
                    + "true or false.", schema = @Schema(type = "boolean", allowableValues = { "true", "false" },
                            defaultValue = "false"))
            @RequestParam(name = DRY_RUN, required = false) String dryRun,
            @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe: the same key and body answer the "
                    + "same request (a dry run takes no key)", schema = @Schema(type = "string",
                            maxLength = IDEMPOTENCY_KEY_MAX, pattern = IDEMPOTENCY_KEY_SYNTAX))
            @RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
            Authentication authentication) {
        boolean dry = QueryParameters.flag(DRY_RUN, dryRun);
        Caller caller = Caller.of(authentication);
        if (!caller.maySubmit()) {
            throw ApiProblem.forbidden("Only lifecycle-requesters, lifecycle-automation and camunda-admin submit requests.");
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldError(IDEMPOTENCY_KEY_HEADER,
                    "must be 1 to " + IDEMPOTENCY_KEY_MAX + " visible ASCII characters")));
        }
        NewRequest request = reader.read(body);
        if (dry) {
            return ResponseEntity.ok(views.dryRun(requests.dryRun(request), request, caller));
        }
        // The hash of the request as understood, so whitespace or field order do not make a "different" body.
        SubmitResult result = requests.submit(request, caller.userId(), idempotencyKey,
                PlanJson.sha256(PlanJson.write(request)));
        if (result instanceof SubmitResult.Duplicate duplicate) {
            throw alreadyOpen(duplicate.open(), caller);
        }
        if (result instanceof SubmitResult.IdempotencyMismatch mismatch) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for request " + mismatch.earlier().id() + " with another body.");
        }
        return accepted(((SubmitResult.Accepted) result).request(), caller);
    }

    /**
     * A submission that is not JSON. Without this mapping no handler would match, and the 415 would be Spring's
     * generic error page, not problem details (the request API's problem advice covers this controller's handlers only).
     */
    @Hidden
    @PostMapping(consumes = "!" + MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestView> submitNotJson() {
        throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the request as application/json.");
    }

    @Operation(summary = "One request: status, plan, approvals, API calls, outcome")
    @ApiResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(path = "/{id}", produces = JSON)
    RequestView get(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return views.full(readable(id, caller), caller);
    }

    @Operation(summary = "Search requests", description = "Newest first. Requesters see only their own.")
    @ApiResponse(responseCode = "200", description = "One page of requests; hasMore tells whether a next page has any",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Page.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: a parameter is malformed, out of range, "
            + "unknown or given twice; errors lists each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(produces = JSON)
    Page list(@Parameter(description = "account id or email") @RequestParam(required = false) String accountId,
            @RequestParam(required = false) LifecycleAction action,
            @RequestParam(required = false) RequestStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException(List.of(new FieldError(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be 1 to " + MAX_PAGE_SIZE)));
        }
        Caller caller = Caller.of(authentication);
        String requester = caller.seesAllRequests() ? null : caller.userId();
        boolean live = status != null && !status.isFinal();
        // One more than the page, to tell whether there is a next page.
        RequestQuery query = new RequestQuery(accountId, action, requester, live ? null : status, live,
                (long) page * size, size + 1);
        // A final status is a column; a live one only the process knows, so the store pages through open requests.
        List<RequestView> items = (live ? repository.search(query, request -> requests.status(request) == status)
                : repository.search(query)).stream()
                .map(request -> views.summary(request, live ? status : requests.status(request), caller))
                .toList();
        return new Page(items.subList(0, Math.min(size, items.size())), page, size, items.size() > size);
    }

    /** One page of requests. */
    record Page(List<RequestView> items, int page, int size, boolean hasMore) {
    }

    @Operation(summary = "Withdraw a request not yet applied", description = "Offered as links.cancel to those "
            + "who may, while it applies: waiting for approval, or in progress before any approval. 409 once it is "
            + "being applied.")
    @ApiResponse(responseCode = "200", description = "Withdrawn: the request, now CANCELLED",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only the requester or an administrator withdraws",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "409", description = "not-cancellable: the request is being applied or has ended",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @PostMapping(path = "/{id}/cancel", produces = JSON)
    RequestView cancel(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        StoredRequest request = readable(id, caller);
        if (!caller.mayCancel(request.requester())) {
            throw ApiProblem.forbidden("Only the requester or an administrator withdraws a request.");
        }
        if (!requests.cancel(request, caller.userId())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-cancellable", "Too late to withdraw",
                    "Request " + id + " is " + requests.status(request).name().toLowerCase(Locale.ROOT)
                            + " and can no longer be withdrawn.");
        }
        return views.full(repository.find(id).orElseThrow(), caller);
    }

    @Operation(summary = "Undo a request", description = "Offered as links.undo to those who may, while it applies. "
            + "A completed disable: starts an enable request (approved like any other) and answers it. A delete in "
            + "its grace period: cancels the deletion and answers the delete.")
    @ApiResponse(responseCode = "202", description = "Accepted: the request that carries the undo",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "That request: /api/requests/{id}",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only the requester or an administrator undoes, and "
            + "only one who may submit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "409", description = "not-undoable: neither a completed disable nor a delete in its "
            + "grace period; duplicate-request: an enable of the account is already open (openRequest)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @PostMapping(path = "/{id}/undo", produces = JSON)
    ResponseEntity<RequestView> undo(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        StoredRequest request = readable(id, caller);
        if (!caller.mayUndo(request.requester())) {
            throw ApiProblem.forbidden("Only the requester or an administrator undoes a request.");
        }
        SubmitResult result = requests.undo(request, caller.userId()).orElseThrow(() -> new ApiProblem(
                HttpStatus.CONFLICT, "not-undoable", "Cannot be undone",
                "Only a completed disable, or a delete still in its grace period, can be undone."));
        if (result instanceof SubmitResult.Duplicate duplicate) {
            throw alreadyOpen(duplicate.open(), caller);
        }
        return accepted(((SubmitResult.Accepted) result).request(), caller);
    }

    @Operation(summary = "The evidence record of a request, for auditors")
    @ApiResponse(responseCode = "200", description = "The evidence record",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Evidence.class)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(path = "/{id}/evidence", produces = JSON)
    Evidence evidence(@PathVariable String id, Authentication authentication) {
        return requests.evidence(readable(id, Caller.of(authentication)));
    }

    private ResponseEntity<RequestView> accepted(StoredRequest request, Caller caller) {
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + request.id()))
                .body(views.summary(request, caller));
    }

    private ApiProblem alreadyOpen(StoredRequest open, Caller caller) {
        return new ApiProblem(HttpStatus.CONFLICT, "duplicate-request", "A request is already open",
                "Request " + open.id() + " (" + open.action() + " " + open.account() + ") is still open.")
                .with("openRequest", views.summary(open, caller));
    }

    /** The request, if it exists and the caller may see it; otherwise 404 (not 403: ids of others stay unknown). */
    private StoredRequest readable(String id, Caller caller) {
        if (!REQUEST_ID.matcher(id).matches()) {
            throw ApiProblem.notFound(id);
        }
        return repository.find(id).filter(request -> caller.mayRead(request.requester()))
                .orElseThrow(() -> ApiProblem.notFound(id));
    }
}
