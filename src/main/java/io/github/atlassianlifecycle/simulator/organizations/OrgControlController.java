package io.github.atlassianlifecycle.simulator.organizations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.SimulatorPaths;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * Control view of the simulated organization's groups: what the organizations API does not show (role assignments,
 * members, IdP ownership) and the seats each product uses, so tests can check what a call changed.
 */
@RestController
@RequestMapping(SimulatorPaths.CONTROL + "/org")
public class OrgControlController {

    private final SimulatorState state;
    private final Behaviour behaviour;

    OrgControlController(SimulatorState state, Behaviour behaviour) {
        this.state = state;
        this.behaviour = behaviour;
    }

    @GetMapping
    Map<String, Object> organization() {
        return state.locked(() -> {
            List<Map<String, Object>> groups = state.orgGroups().values().stream().map(group -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", group.id);
                view.put("name", group.name);
                view.put("description", group.description);
                view.put("managedByScim", group.managedByScim);
                view.put("roleAssignments", new LinkedHashMap<>(group.roleAssignments));
                view.put("members", state.accounts().stream().filter(a -> OrgRules.isMember(a, group.id))
                        .map(Account::accountId).toList());
                return view;
            }).toList();
            Map<String, Object> seats = new LinkedHashMap<>();
            for (String resource : List.of(SimulatorSeeder.JIRA_RESOURCE, SimulatorSeeder.CONFLUENCE_RESOURCE)) {
                seats.put(resource, OrgRules.seatsUsed(state, resource));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("groups", groups);
            answer.put("seatsUsed", seats);
            answer.put("seatLimits", behaviour.getSeatLimits());
            return answer;
        });
    }
}
