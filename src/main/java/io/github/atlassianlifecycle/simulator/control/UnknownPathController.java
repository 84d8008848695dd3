package io.github.atlassianlifecycle.simulator.control;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.SimulatedApi;
import io.github.atlassianlifecycle.simulator.core.SimulatorPaths;
import io.github.atlassianlifecycle.simulator.core.UnknownPaths;

/**
 * Catches every call under a simulated API's prefix that no endpoint serves (any method: the mapping with
 * {@code /**} is the least specific, so a real endpoint always wins) and answers it in that API's error shape, as
 * {@link UnknownPaths} says, instead of the framework's problem document.
 */
@RestController
public class UnknownPathController {

    private final Behaviour behaviour;

    UnknownPathController(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    @RequestMapping({ "/sim/api/admin/**", "/sim/api/users/**", "/sim/api/scim/**", "/sim/site/rest/api/3/**",
            "/sim/site/wiki/**", "/sim/bitbucket/rest/**" })
    ResponseEntity<Object> unknownPath(HttpServletRequest request) {
        String path = SimulatorPaths.path(request);
        SimulatedApi api = SimulatorPaths.family(path);
        // Atlassian's own path, as the client called it: without the simulator's /sim/api, /sim/site, /sim/bitbucket.
        String asCalled = path.replaceFirst("^/sim/(api|site|bitbucket)", "");
        return UnknownPaths.answer(api, behaviour.unknownPathAnswer(), request.getMethod(), asCalled);
    }
}
