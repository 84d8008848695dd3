package io.github.atlassianlifecycle.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The engine's own ceiling on the node under test: a model with as many jobs as a pre-approved disable (plan,
 * re-check, deactivate, release seats, verify: five {@code asyncBefore} service tasks) whose tasks do nothing
 * ({@code ${true}}), deployed by the benchmark through {@code /engine-rest} (so nothing of it ships in the jar) and
 * started there by the same basic-auth users through the same security. Nothing in it calls Atlassian or writes the
 * request store: what a disable costs beyond it is the product's own work.
 */
final class EngineCeiling {

    static final String KEY = "bench-engine-ceiling";
    static final int JOBS = 5;

    private final RestClient admin;

    EngineCeiling(RestClient admin) {
        this.admin = admin;
    }

    static String model() {
        StringBuilder tasks = new StringBuilder();
        StringBuilder flows = new StringBuilder();
        String previous = "start";
        for (int i = 1; i <= JOBS; i++) {
            tasks.append("    <serviceTask id=\"step").append(i).append("\" name=\"No-op step ").append(i)
                    .append("\" camunda:asyncBefore=\"true\" camunda:expression=\"${true}\" />\n");
            flows.append("    <sequenceFlow id=\"f").append(i).append("\" sourceRef=\"").append(previous)
                    .append("\" targetRef=\"step").append(i).append("\" />\n");
            previous = "step" + i;
        }
        flows.append("    <sequenceFlow id=\"f").append(JOBS + 1).append("\" sourceRef=\"").append(previous)
                .append("\" targetRef=\"end\" />\n");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
                  <process id="%s" name="Benchmark: engine ceiling" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start" name="Started" />
                %s    <endEvent id="end" name="Done" />
                %s  </process>
                </definitions>
                """.formatted(KEY, tasks, flows);
    }

    void deploy() {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", KEY);
        parts.add("deploy-changed-only", "true");
        parts.add("data", new ByteArrayResource(model().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return KEY + ".bpmn";
            }
        });
        int status = admin.post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toBodilessEntity().getStatusCode().value();
        if (status != 200) {
            throw new IllegalStateException("deploying " + KEY + " answered " + status);
        }
    }

    /** Starts {@code count} instances from {@code threads} senders and waits until all have finished. */
    Duration run(int count, int threads) throws Exception {
        long before = finished();
        Instant start = Instant.now();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(senders.submit(() -> admin.post()
                        .uri("/engine-rest/process-definition/key/{key}/start", KEY)
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toBodilessEntity()
                        .getStatusCode().value()));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get(10, TimeUnit.MINUTES);
                if (status != 200) {
                    throw new IllegalStateException("starting " + KEY + " answered " + status);
                }
            }
        } finally {
            senders.shutdownNow();
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (finished() - before < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException((finished() - before) + " of " + count + " " + KEY
                        + " instances finished in 20 minutes");
            }
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    private long finished() {
        Map<?, ?> answer = admin.get().uri("/engine-rest/history/process-instance/count?processDefinitionKey={key}"
                + "&finished=true", KEY).retrieve().body(Map.class);
        return ((Number) answer.get("count")).longValue();
    }
}
