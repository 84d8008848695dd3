package io.github.atlassianlifecycle.api.reconciliation;

import java.net.URI;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.reconciliation.ReconciliationEngine;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.ProblemBody;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.Caller;
import io.github.atlassianlifecycle.api.ApiProblem;

/**
 * {@code /api/reconciliations}: start a reconciliation ({@code account-reconcile}) and read it with its findings.
 * lifecycle-security, lifecycle-automation and camunda-admin start and read them (they hold every account's drift, so
 * requesters and approvers do not). No query parameter is known: any is refused, so a mistyped flag changes nothing.
 */
@RestController
@RequestMapping(ReconciliationController.BASE)
@Tag(name = "Reconciliations", description = "Drift between the organization and its products")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials of a Camunda user",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemBody.class)))
@ApiResponse(responseCode = "400", description = "invalid-request: the body breaks the rules, or the call has a query "
        + "parameter (none is known); errors lists each",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemBody.class)))
@ApiResponse(responseCode = "403", description = "forbidden: only lifecycle-security, lifecycle-automation and "
        + "camunda-admin start and read reconciliations",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemBody.class)))
public class ReconciliationController {

    static final String BASE = "/api/reconciliations";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final ReconciliationService reconciliations;
    private final ReconciliationEngine engine;

    public ReconciliationController(ReconciliationService reconciliations, ReconciliationEngine engine) {
        this.reconciliations = reconciliations;
        this.engine = engine;
    }

    @Operation(summary = "Start a reconciliation", description = "Reads every directory user and the products, "
            + "classifies the drift and, unless dryRun, asks lifecycle-security to review the proposals. Answers at "
            + "once; follow Location.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReconciliationBody.class)))
    @ApiResponse(responseCode = "202", description = "Accepted: started, status RUNNING",
            headers = @Header(name = HttpHeaders.LOCATION, required = true,
                    description = "The reconciliation: /api/reconciliations/{id}",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReconciliationAnswer.class)))
    @PostMapping(consumes = JSON, produces = JSON)
    ResponseEntity<ReconciliationAnswer> start(@RequestBody(required = false) String body,
            @Parameter(hidden = true) @RequestParam Map<String, String> query, Authentication authentication) {
        Caller caller = allowed(authentication);
        refuseQuery(query);
        ReconciliationBody request = ReconciliationBody.read(body);
        String id = engine.start(request.dryRun());
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + id))
                .body(ReconciliationAnswer.of(reconciliations.view(id).orElseThrow()));
    }

    @Operation(summary = "One reconciliation: status and findings")
    @ApiResponse(responseCode = "200", description = "The reconciliation",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReconciliationAnswer.class)))
    @ApiResponse(responseCode = "404", description = "not-found: no such reconciliation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(path = "/{id}", produces = JSON)
    ReconciliationAnswer get(@PathVariable String id, @Parameter(hidden = true) @RequestParam Map<String, String> query,
            Authentication authentication) {
        allowed(authentication);
        refuseQuery(query);
        if (!ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return reconciliations.view(id).map(ReconciliationAnswer::of).orElseThrow(() -> notFound(id));
    }

    private static Caller allowed(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.mayReconcile()) {
            throw ApiProblem.forbidden("Only lifecycle-security, lifecycle-automation and camunda-admin start and "
                    + "read reconciliations.");
        }
        return caller;
    }

    private static void refuseQuery(Map<String, String> query) {
        if (!query.isEmpty()) {
            throw new InvalidRequestException(query.keySet().stream().sorted()
                    .map(name -> new FieldError(name, "is not a query parameter of this call (it takes none)"))
                    .toList());
        }
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no reconciliation " + id + ".");
    }
}
