package io.github.atlassianlifecycle.simulator.control;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.simulator.core.SimulatorPaths;

/** {@code GET|PUT /sim/_control/faults}: what the simulator should get wrong, on purpose. */
@RestController
@RequestMapping(SimulatorPaths.CONTROL + "/faults")
public class FaultsController {

    private final Faults faults;

    FaultsController(Faults faults) {
        this.faults = faults;
    }

    @GetMapping
    Faults faults() {
        return faults;
    }

    /** Replaces all faults: {@code {"serverErrorRate":0.2}} sets that one and clears the rest; {@code {}} clears all. */
    @PutMapping
    ResponseEntity<Object> replace(@RequestBody Map<String, Object> settings) {
        try {
            faults.replace(settings);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        return ResponseEntity.ok(faults);
    }
}
