package io.github.atlassianlifecycle.simulator.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.SimulatorPaths;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * The simulator's own controls, for tests, benchmarks and people trying things out: inspect accounts and calls,
 * reset, move the clock, switch undocumented behaviours. Not part of any Atlassian API.
 */
@RestController
@RequestMapping(SimulatorPaths.CONTROL)
public class ControlController {

    private final SimulatorState state;
    private final SimulatorSeeder seeder;
    private final CallLog calls;
    private final Behaviour behaviour;
    private final Faults faults;

    ControlController(SimulatorState state, SimulatorSeeder seeder, CallLog calls, Behaviour behaviour,
            Faults faults) {
        this.state = state;
        this.seeder = seeder;
        this.calls = calls;
        this.behaviour = behaviour;
        this.faults = faults;
    }

    @GetMapping("/accounts")
    List<Map<String, Object>> accounts(@RequestParam(required = false) String claimStatus,
            @RequestParam(required = false) String accountStatus, @RequestParam(required = false) String email) {
        return state.locked(() -> state.accounts().stream()
                .map(account -> AccountView.of(account, state))
                .filter(view -> claimStatus == null || claimStatus.equals(view.get("claimStatus")))
                .filter(view -> accountStatus == null || accountStatus.equals(view.get("accountStatus")))
                .filter(view -> email == null || email.equalsIgnoreCase((String) view.get("email")))
                .toList());
    }

    @GetMapping("/accounts/{accountId}")
    ResponseEntity<Object> account(@PathVariable String accountId) {
        return state.locked(() -> state.account(accountId)
                .<ResponseEntity<Object>>map(account -> ResponseEntity.ok(AccountView.of(account, state)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("error", "no account " + accountId))));
    }

    @GetMapping("/calls")
    Map<String, Object> calls(@RequestParam(required = false) String accountId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", calls.total());
        answer.put("calls", calls.calls().stream()
                .filter(call -> accountId == null || accountId.equals(call.accountId()))
                .toList());
        answer.put("countsByOperation", calls.countsByOperation());
        answer.put("countsByAccount", accountId == null ? calls.countsByAccount()
                : Map.of(accountId, calls.countsByAccount().getOrDefault(accountId, Map.of())));
        return answer;
    }

    @PostMapping("/reset")
    Map<String, Object> reset() {
        state.clock().reset();
        behaviour.reset();
        faults.clear();
        seeder.seed(state);
        calls.clear();
        return Map.of("accounts", state.locked(() -> state.accounts().size()));
    }

    @PostMapping("/clock")
    ResponseEntity<Object> clock(@RequestBody Map<String, String> body) {
        try {
            Duration advance = Duration.parse(body.getOrDefault("advance", ""));
            state.clock().advance(advance);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error",
                    "advance must be a positive ISO-8601 duration such as P15D or PT2H"));
        }
        return ResponseEntity.ok(Map.of("now", state.now().toString(), "offset", state.clock().offset().toString()));
    }

    @GetMapping("/behaviour")
    Behaviour behaviour() {
        return behaviour;
    }

    @PutMapping("/behaviour")
    ResponseEntity<Object> behaviour(@RequestBody Map<String, Object> switches) {
        try {
            switches.forEach((name, value) -> {
                switch (name) {
                    case "disableInactiveConflict" -> behaviour.setDisableInactiveConflict(bool(name, value));
                    case "enableActiveConflict" -> behaviour.setEnableActiveConflict(bool(name, value));
                    case "groupMemberReaddConflict" -> behaviour.setGroupMemberReaddConflict(bool(name, value));
                    case "orgActionStatus" -> behaviour.setOrgActionStatus(((Number) value).intValue());
                    case "orgCreatedGroupInAnswer" -> behaviour.setOrgCreatedGroupInAnswer(bool(name, value));
                    case "orgApiKeyAllowed" -> behaviour.setOrgApiKeyAllowed(bool(name, value));
                    case "userManagementReadUnclaimedDomain" ->
                            behaviour.setUserManagementReadUnclaimedDomain(bool(name, value));
                    case "unknownPathAnswer" -> behaviour.setUnknownPathAnswer(value);
                    case "cancelDeleteUnscheduledConflict" ->
                            behaviour.setCancelDeleteUnscheduledConflict(bool(name, value));
                    case "jiraLicenceLimit" -> behaviour.setJiraLicenceLimit(((Number) value).intValue());
                    case "jiraGroupReaddRejected" -> behaviour.setJiraGroupReaddRejected(bool(name, value));
                    case "jiraGroupRemoveNonMemberRejected" ->
                            behaviour.setJiraGroupRemoveNonMemberRejected(bool(name, value));
                    case "bitbucketLicenceLimit" -> behaviour.setBitbucketLicenceLimit(((Number) value).intValue());
                    case "scimPatchNoContent" -> behaviour.setScimPatchNoContent(bool(name, value));
                    case "orgPaidSubscription" -> behaviour.setOrgPaidSubscription(bool(name, value));
                    case "seatLimits" -> behaviour.setSeatLimits(value);
                    case "scimUnverifiedDomainStatus" ->
                            behaviour.setScimUnverifiedDomainStatus(((Number) value).intValue());
                    case "siteUserIsAdmin" -> behaviour.setSiteUserIsAdmin(bool(name, value));
                    case "confluenceUnknownIdsNotFound" -> behaviour.setConfluenceUnknownIdsNotFound(bool(name, value));
                    default -> throw new IllegalArgumentException("unknown behaviour " + name);
                }
            });
        } catch (IllegalArgumentException | ClassCastException e) {
            return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
        }
        return ResponseEntity.ok(behaviour);
    }

    private static boolean bool(String name, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException(name + " must be true or false");
    }
}
