package io.github.atlassianlifecycle.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;

import org.camunda.bpm.engine.ProcessEngine;

import io.github.atlassianlifecycle.request.RequestRepository;

/** Ends the processes of a test's requests that have not finished, so their accounts are free for the next test. */
public final class UnfinishedRequests {

    private UnfinishedRequests() {
    }

    public static void remove(RequestRepository repository, ProcessEngine engine, Collection<String> requestIds) {
        for (String id : requestIds) {
            repository.find(id).filter(r -> r.finalStatus() == null && r.processInstanceId() != null)
                    // The job executor may be working on it right now: try again until the deletion goes through.
                    .ifPresent(r -> await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                            engine.getRuntimeService().deleteProcessInstanceIfExists(r.processInstanceId(),
                                    "test clean-up", false, true, false, false)));
        }
    }
}
