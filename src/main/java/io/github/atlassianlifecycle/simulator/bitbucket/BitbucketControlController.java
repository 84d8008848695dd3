package io.github.atlassianlifecycle.simulator.bitbucket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * A control view of the simulated Bitbucket Data Center's own user base, so tests can check what the Bitbucket API
 * changed without going through it. Not part of any Atlassian API.
 */
@RestController
@RequestMapping("/sim/_control/bitbucket")
public class BitbucketControlController {

    private final SimulatorState state;

    BitbucketControlController(SimulatorState state) {
        this.state = state;
    }

    @GetMapping("/users")
    List<Map<String, Object>> users() {
        return state.locked(() -> state.bitbucketUsers().values().stream().map(user -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", user.id);
            view.put("name", user.name);
            view.put("displayName", user.displayName);
            view.put("emailAddress", user.emailAddress);
            view.put("active", user.active);
            view.put("groups", List.copyOf(user.groups));
            return view;
        }).toList());
    }
}
