package io.github.atlassianlifecycle.support;

import java.util.Arrays;
import java.util.List;

/** One Prometheus text-format scrape, read by series name and labels. */
public record Scrape(String text) {

    /**
     * The sum of every sample of {@code name} carrying all {@code labels} ({@code family="jira"}, ...); 0 when there
     * is none (a counter not yet incremented is not published).
     */
    public double value(String name, String... labels) {
        return lines().stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Whether any sample of {@code name} is published. */
    public boolean has(String name) {
        return lines().stream().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    private List<String> lines() {
        return text.lines().filter(line -> !line.startsWith("#")).toList();
    }

    private static List<String> labelsOf(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        return open < 0 || close < open ? List.of() : Arrays.asList(line.substring(open + 1, close).split(","));
    }
}
