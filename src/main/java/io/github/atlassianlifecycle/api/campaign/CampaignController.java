package io.github.atlassianlifecycle.api.campaign;

import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignConflictException;
import io.github.atlassianlifecycle.campaign.CampaignRepository;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.campaign.KeepOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.ProblemBody;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.Caller;
import io.github.atlassianlifecycle.api.ApiProblem;
import io.github.atlassianlifecycle.api.request.RequestController;

/**
 * {@code /api/campaigns}: make an inactivity campaign of a reconciliation and read its report (lifecycle-security,
 * lifecycle-automation and camunda-admin, who read reconciliations), and the keep link the person follows, the only
 * path under {@code /api} without a login. A GET of the link only shows a confirmation page: mail clients' link
 * scanners fetch links before the person does, so only the page's POST uses it.
 */
@RestController
@RequestMapping(CampaignController.BASE)
@Tag(name = "Campaigns", description = "Inactivity campaigns: notice, keep link, then disable")
public class CampaignController {

    public static final String BASE = "/api/campaigns";
    static final String KEEP = "/keep/{token}";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String HTML = MediaType.TEXT_HTML_VALUE;
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final CampaignService campaigns;

    public CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "Make an inactivity campaign", description = "Of a COMPLETED reconciliation's INACTIVE "
            + "findings that no request took up (a dry run's, say). lifecycle-security approves it (not the person who "
            + "asked for it); then each person is sent a notice with a keep link and, at the end of "
            + "atlassian.inactivity.notice-period, everyone who did not keep access gets a disable request of their own.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CampaignBody.class)))
    @ApiResponse(responseCode = "202", description = "Accepted: waiting for its approval",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "/api/campaigns/{id}",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CampaignAnswer.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: the body breaks the rules, a query parameter "
            + "was sent (none is known), or no campaign can be made of the reconciliation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials of a Camunda user",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only lifecycle-security, lifecycle-automation and "
            + "camunda-admin make and read campaigns",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "409", description = "campaign-conflict: the reconciliation already has a campaign "
            + "that was neither rejected nor cancelled (named in campaignId)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "503", description = "campaigns-unavailable: no keep-link key is configured",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @PostMapping(consumes = JSON, produces = JSON)
    ResponseEntity<CampaignAnswer> create(@RequestBody(required = false) String body, Authentication authentication) {
        Caller caller = allowed(authentication);
        CampaignBody request = CampaignBody.read(body);
        Campaign campaign;
        try {
            campaign = campaigns.create(request.reconciliationId(), caller.userId());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("reconciliationId", e.getMessage())));
        } catch (CampaignConflictException e) {
            throw conflict(e);
        } catch (IllegalStateException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "campaigns-unavailable", "Campaigns unavailable",
                    e.getMessage());
        }
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + campaign.id()))
                .body(CampaignAnswer.of(campaign, campaigns.rows(campaign.id())));
    }

    @Operation(summary = "One campaign's report: per person notice sent, kept, disabled (with the request)")
    @ApiResponse(responseCode = "200", description = "The campaign",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CampaignAnswer.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: a query parameter was sent (none is known)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials of a Camunda user",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only lifecycle-security, lifecycle-automation and "
            + "camunda-admin make and read campaigns",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "not-found: no such campaign",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(path = "/{id}", produces = JSON)
    CampaignAnswer get(@PathVariable String id, Authentication authentication) {
        allowed(authentication);
        return answer(id);
    }

    @Operation(summary = "Campaigns, newest first", description = "Each with where it stands and how many people "
            + "it has and still waits for; the rows are in each campaign's report.")
    @ApiResponse(responseCode = "200", description = "One page of campaigns; hasMore tells whether a next page has any",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Page.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: page or size out of range, or a parameter "
            + "unknown or given twice; errors lists each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials of a Camunda user",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only lifecycle-security, lifecycle-automation and "
            + "camunda-admin make and read campaigns",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @GetMapping(produces = JSON)
    Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        allowed(authentication);
        if (page < 0 || size < 1 || size > RequestController.MAX_PAGE_SIZE) {
            throw new InvalidRequestException(List.of(new FieldError(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be 1 to " + RequestController.MAX_PAGE_SIZE)));
        }
        // One more than the page, to tell whether there is a next page.
        List<Summary> items = campaigns.page((long) page * size, size + 1).stream().map(Summary::of).toList();
        return new Page(items.subList(0, Math.min(size, items.size())), page, size, items.size() > size);
    }

    /** One page of campaigns. */
    record Page(List<Summary> items, int page, int size, boolean hasMore) {
    }

    /** A campaign in the list: its report without the rows, and how many it has and still waits for. */
    record Summary(String id, String status, String reconciliationId, String requestedBy, Instant createdAt,
            Instant noticeEndsAt, Instant cancelledAt, int rows, int waiting) {

        static Summary of(CampaignRepository.Listed listed) {
            Campaign campaign = listed.campaign();
            return new Summary(campaign.id(), CampaignAnswer.status(campaign, listed.pending() > 0).name(),
                    campaign.reconciliationId(), campaign.requester(), campaign.createdAt(), campaign.noticeEndsAt(),
                    campaign.cancelledAt(), listed.rows(), listed.pending());
        }
    }

    @Operation(summary = "Cancel a campaign before its disables start", description = "lifecycle-security only. "
            + "Every row still waiting ends CANCELLED, its keep link answers \"campaign cancelled\", nobody is "
            + "disabled by the campaign and its process ends (in its approval or its notice period). Once the notice "
            + "period is over and its disables have started, 409: each is a request of its own.")
    @ApiResponse(responseCode = "200", description = "Cancelled: the campaign's report, status CANCELLED",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CampaignAnswer.class)))
    @ApiResponse(responseCode = "400", description = "invalid-request: a query parameter was sent (none is known)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials of a Camunda user",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only lifecycle-security cancels a campaign",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "not-found: no such campaign",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @ApiResponse(responseCode = "409", description = "campaign-conflict: rejected or cancelled already, or its "
            + "disables have started",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @PostMapping(path = "/{id}/cancel", produces = JSON)
    CampaignAnswer cancel(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.isSecurity()) {
            throw ApiProblem.forbidden("Only lifecycle-security cancels a campaign.");
        }
        answer(id); // 404 before anything is locked
        try {
            campaigns.cancel(id, caller.userId());
        } catch (CampaignConflictException e) {
            throw conflict(e);
        }
        return answer(id);
    }

    private CampaignAnswer answer(String id) {
        if (!ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return campaigns.find(id).map(campaign -> CampaignAnswer.of(campaign, campaigns.rows(id)))
                .orElseThrow(() -> notFound(id));
    }

    @Parameter(name = "token", in = ParameterIn.PATH, required = true, description = "The keep link's signed, "
            + "single-use token", schema = @Schema(type = "string"))
    @Operation(summary = "The keep link: a page asking the person to confirm", description = "Changes nothing (a "
            + "link scanner may fetch it); its button POSTs to the same address. No login.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The confirmation page", content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "404", description = "Not a valid keep link", content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "409", description = "The link was already used", content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "410", description = "The notice period is over, or the campaign was cancelled",
            content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "503", description = "Keep links are not configured", content = @Content(mediaType = HTML))
    @GetMapping(path = KEEP, produces = HTML)
    ResponseEntity<String> confirm(@Parameter(hidden = true) @RequestAttribute(KeepLinkMask.ATTRIBUTE)
            KeepLinkMask.Token token) {
        KeepOutcome outcome = campaigns.check(token.value());
        if (outcome != KeepOutcome.KEPT) {
            return KeepPages.outcome(outcome);
        }
        return KeepPages.confirm();
    }

    @Parameter(name = "token", in = ParameterIn.PATH, required = true, description = "The keep link's signed, "
            + "single-use token", schema = @Schema(type = "string"))
    @Operation(summary = "Use the keep link: the person keeps access", description = "Single use; ends the "
            + "person's row of the campaign. No login.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Kept: access stays", content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "404", description = "Not a valid keep link", content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "409", description = "The link was already used", content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "410", description = "The notice period is over, or the campaign was cancelled",
            content = @Content(mediaType = HTML))
    @ApiResponse(responseCode = "503", description = "Keep links are not configured", content = @Content(mediaType = HTML))
    @PostMapping(path = KEEP, produces = HTML)
    ResponseEntity<String> keep(@Parameter(hidden = true) @RequestAttribute(KeepLinkMask.ATTRIBUTE)
            KeepLinkMask.Token token) {
        return KeepPages.outcome(campaigns.keep(token.value()));
    }

    private static Caller allowed(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.mayReconcile()) {
            throw ApiProblem.forbidden("Only lifecycle-security, lifecycle-automation and camunda-admin make and read "
                    + "campaigns.");
        }
        return caller;
    }

    private static ApiProblem conflict(CampaignConflictException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "campaign-conflict", "Campaign conflict", e.getMessage())
                .with("campaignId", e.campaignId());
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no campaign " + id + ".");
    }
}
