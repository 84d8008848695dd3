package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The coverage gate: after the process tests (surefire) have run, at least 90 % of the flow nodes and, separately, of
 * the sequence flows of each lifecycle process must have been passed. Reads the reports of
 * camunda-process-test-coverage under {@code target/process-test-coverage/} and writes a summary beside them.
 */
class ProcessCoverageIT {

    static final double REQUIRED = 0.9;
    static final List<String> PROCESSES = List.of("account-add", "account-disable", "account-enable", "account-delete",
            "account-reconcile", "account-reconcile-nightly");
    static final Path REPORTS = Path.of("target", "process-test-coverage");
    static final Pattern FLOW_NODE = Pattern.compile("<bpmn:(?:startEvent|endEvent|exclusiveGateway|eventBasedGateway"
            + "|parallelGateway|serviceTask|userTask|businessRuleTask|subProcess|boundaryEvent|intermediateCatchEvent"
            + "|intermediateThrowEvent|receiveTask|callActivity)\\b[^>]*\\bid=\"([^\"]+)\"");
    static final Pattern SEQUENCE_FLOW = Pattern.compile("<bpmn:sequenceFlow\\b[^>]*\\bid=\"([^\"]+)\"");

    @Test
    void every_lifecycle_process_is_covered_by_its_tests() throws IOException {
        Map<String, String> models = new HashMap<>();
        Map<String, Set<String>> passedNodes = new HashMap<>();
        Map<String, Set<String>> takenFlows = new HashMap<>();
        List<Path> reports;
        try (Stream<Path> files = Files.exists(REPORTS) ? Files.walk(REPORTS) : Stream.empty()) {
            reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
        }
        assertThat(reports).as("process test coverage reports under %s (run the process tests first: mvn verify)",
                REPORTS).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (Path report : reports) {
            JsonNode root = json.readTree(report.toFile());
            root.path("models").forEach(model -> models.put(model.path("key").asText(), model.path("xml").asText()));
            for (JsonNode suite : root.path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        Map<String, Set<String>> target = "SEQUENCE_FLOW".equals(event.path("source").asText())
                                ? takenFlows : passedNodes;
                        target.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                                .add(event.path("definitionKey").asText());
                    }
                }
            }
        }
        Map<String, String> summary = new TreeMap<>();
        List<String> shortfalls = new ArrayList<>();
        for (String process : PROCESSES) {
            assertThat(models).as("a coverage report for %s", process).containsKey(process);
            Set<String> nodes = ids(FLOW_NODE, models.get(process));
            Set<String> flows = ids(SEQUENCE_FLOW, models.get(process));
            Set<String> nodesHit = intersection(nodes, passedNodes.get(process));
            Set<String> flowsHit = intersection(flows, takenFlows.get(process));
            double nodeShare = (double) nodesHit.size() / nodes.size();
            double flowShare = (double) flowsHit.size() / flows.size();
            summary.put(process, String.format("flow nodes %d/%d (%.0f %%), sequence flows %d/%d (%.0f %%)",
                    nodesHit.size(), nodes.size(), nodeShare * 100, flowsHit.size(), flows.size(), flowShare * 100));
            if (nodeShare < REQUIRED || flowShare < REQUIRED) {
                Set<String> missed = new java.util.TreeSet<>(nodes);
                missed.removeAll(nodesHit);
                Set<String> missedFlows = new java.util.TreeSet<>(flows);
                missedFlows.removeAll(flowsHit);
                shortfalls.add(process + ": " + summary.get(process) + "; not covered: " + missed + " " + missedFlows);
            }
        }
        StringBuilder text = new StringBuilder("Process test coverage (required: 90 % of flow nodes and of sequence flows)\n");
        summary.forEach((process, line) -> text.append(process).append(": ").append(line).append('\n'));
        Files.writeString(REPORTS.resolve("summary.txt"), text);
        assertThat(shortfalls).as(text.toString()).isEmpty();
    }

    private static Set<String> ids(Pattern pattern, String xml) {
        Set<String> ids = new HashSet<>();
        Matcher matcher = pattern.matcher(xml);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static Set<String> intersection(Set<String> all, Set<String> hit) {
        Set<String> result = new HashSet<>(all);
        result.retainAll(hit == null ? Set.of() : hit);
        return result;
    }
}
