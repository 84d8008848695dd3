package io.github.atlassianlifecycle.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
import io.github.atlassianlifecycle.process.RequestProcesses;
import io.github.atlassianlifecycle.request.Evidence;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestQuery;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.request.SubmitResult;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/requests}: how HR systems, service desks and scripts ask for an account change and follow it. Every
 * request becomes a lifecycle process; the requester is always the authenticated caller.
 */
@RestController
@RequestMapping(RequestController.BASE)
@Tag(name = "Requests", description = "Ask for an Atlassian account change and follow it to the end")
class RequestController {

    static final String BASE = "/api/requests";
    static final int MAX_PAGE_SIZE = 100;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f-]{36}");

    private final RequestProcesses processes;
    private final RequestRepository repository;
    private final RequestBodyReader reader = new RequestBodyReader();

    RequestController(RequestProcesses processes, RequestRepository repository) {
        this.processes = processes;
        this.repository = repository;
    }

    @Operation(summary = "Submit a request", description = "Validates the body, stores the request and starts its "
            + "process. 202 with Location. The same Idempotency-Key and body answer the same request again; the same "
            + "key with another body is 422. A second open request for the same account and action is 409.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestView> submit(@RequestBody(required = false) String body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.maySubmit()) {
            throw ApiProblem.forbidden("Only lifecycle-requesters, lifecycle-automation and camunda-admin submit requests.");
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "must be 1 to 128 visible ASCII characters")));
        }
        NewRequest request = reader.read(body);
        // The hash of the request as understood, so whitespace or field order do not make a "different" body.
        SubmitResult result = processes.submit(request, caller.userId(), idempotencyKey,
                PlanJson.sha256(PlanJson.write(request)));
        if (result instanceof SubmitResult.Duplicate duplicate) {
            throw alreadyOpen(duplicate.open());
        }
        if (result instanceof SubmitResult.IdempotencyMismatch mismatch) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for request " + mismatch.earlier().id() + " with another body.");
        }
        return accepted(((SubmitResult.Accepted) result).request());
    }

    /**
     * A submission that is not JSON. Without this mapping no handler would match, and the 415 would be Spring's
     * generic error page, not problem details ({@link Problems} advises this controller's handlers only).
     */
    @Hidden
    @PostMapping(consumes = "!" + MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestView> submitNotJson() {
        throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the request as application/json.");
    }

    @Operation(summary = "One request: status, plan, approvals, API calls, outcome")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RequestView get(@PathVariable String id, Authentication authentication) {
        StoredRequest request = readable(id, Caller.of(authentication));
        return RequestView.full(request, processes.state(request));
    }

    @Operation(summary = "Search requests", description = "Newest first. Requesters see only their own.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
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
        List<RequestView> items = repository.search(new RequestQuery(accountId, action, requester,
                        live ? null : status, live, (long) page * size, size + 1)).stream()
                .map(request -> RequestView.summary(request, processes.status(request)))
                .filter(view -> status == null || view.status() == status)
                .toList();
        return new Page(items.subList(0, Math.min(size, items.size())), page, size, items.size() > size);
    }

    /** One page of requests. */
    record Page(List<RequestView> items, int page, int size, boolean hasMore) {
    }

    @Operation(summary = "Withdraw a request not yet applied", description = "409 once it is being applied.")
    @PostMapping(path = "/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    RequestView cancel(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        StoredRequest request = readable(id, caller);
        if (!caller.mayChange(request.requester())) {
            throw ApiProblem.forbidden("Only the requester or an administrator withdraws a request.");
        }
        if (!processes.cancel(request, caller.userId())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-cancellable", "Too late to withdraw",
                    "Request " + id + " is " + processes.status(request).name().toLowerCase(Locale.ROOT)
                            + " and can no longer be withdrawn.");
        }
        StoredRequest cancelled = repository.find(id).orElseThrow();
        return RequestView.full(cancelled, processes.state(cancelled));
    }

    @Operation(summary = "Undo a request", description = "A completed disable: starts an enable request (approved "
            + "like any other) and answers it. A delete in its grace period: cancels the deletion. Otherwise 409.")
    @PostMapping(path = "/{id}/undo", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestView> undo(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        StoredRequest request = readable(id, caller);
        if (!caller.mayChange(request.requester()) || !caller.maySubmit()) {
            throw ApiProblem.forbidden("Only the requester or an administrator undoes a request.");
        }
        SubmitResult result = processes.undo(request, caller.userId()).orElseThrow(() -> new ApiProblem(
                HttpStatus.CONFLICT, "not-undoable", "Cannot be undone",
                "Only a completed disable, or a delete still in its grace period, can be undone."));
        if (result instanceof SubmitResult.Duplicate duplicate) {
            throw alreadyOpen(duplicate.open());
        }
        return accepted(((SubmitResult.Accepted) result).request());
    }

    @Operation(summary = "The evidence record of a request, for auditors")
    @GetMapping(path = "/{id}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    Evidence evidence(@PathVariable String id, Authentication authentication) {
        return processes.evidence(readable(id, Caller.of(authentication)));
    }

    private ResponseEntity<RequestView> accepted(StoredRequest request) {
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + request.id()))
                .body(RequestView.summary(request, processes.status(request)));
    }

    private ApiProblem alreadyOpen(StoredRequest open) {
        return new ApiProblem(HttpStatus.CONFLICT, "duplicate-request", "A request is already open",
                "Request " + open.id() + " (" + open.action() + " " + open.account() + ") is still open.")
                .with("openRequest", RequestView.summary(open, processes.status(open)));
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
