package io.github.atlassianlifecycle.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.reference.Conformance;
import io.github.atlassianlifecycle.reference.DocumentedAnswer;
import io.github.atlassianlifecycle.reference.Exchange;
import io.github.atlassianlifecycle.reference.RecordingProxy;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/**
 * The simulator held to Atlassian's reference: a subclass makes, through the real client, every call the client
 * makes for one API family — the successes and each documented refusal — with a recording hop between client and
 * simulator. When the class is done, every exchange must be an instance of a documented answer (status, media type,
 * body against the schema), and every documented answer of the family must have been seen.
 *
 * <p>Setup and inspection go straight to the simulator's control endpoints ({@link #simulator}), not through the
 * hop, so only the family's own calls are held to the reference.
 */
@SimulatorOnlyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimulatorConformance {

    @LocalServerPort
    int port;

    /** The simulator's control endpoints and demo credentials. */
    protected ClientFixture fixture;
    protected SimulatorControl simulator;
    private RecordingProxy hop;

    /** The family's folder under {@code src/test/resources/atlassian}, e.g. {@code organizations}. */
    protected abstract String family();

    /** Where the family lives on the simulator, below {@code /sim}: {@code /api}, {@code /site} or {@code /bitbucket}. */
    protected abstract String simulatorBase();

    @BeforeAll
    void startTheHop() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        hop = RecordingProxy.to(fixture.simUrl() + simulatorBase());
    }

    @BeforeEach
    void resetTheSimulator() {
        simulator.reset();
    }

    /** The family's endpoint through the hop, signed in with the simulator's credential for it. */
    protected ApiEndpoint endpoint(ApiFamily family, Credential credential) {
        return new ApiEndpoint(family, hop.baseUrl(), credential);
    }

    protected List<Exchange> recorded() {
        return hop.recorded();
    }

    @AfterAll
    void everyAnswerWasDocumentedAndEveryDocumentedAnswerWasSeen() {
        try {
            List<Exchange> exchanges = recorded();
            assertThat(exchanges).as("calls of %s through the hop", family()).isNotEmpty();
            List<String> problems = new ArrayList<>(Conformance.undocumented(family(), exchanges));
            for (DocumentedAnswer unseen : Conformance.unseen(family(), exchanges)) {
                problems.add("documented but never answered by the simulator: " + unseen + " (" + unseen.method()
                        + " " + unseen.path() + ")");
            }
            assertThat(problems).as("the simulator's %s answers against Atlassian's reference", family()).isEmpty();
        } finally {
            hop.close();
        }
    }
}
