package io.github.atlassianlifecycle.proof;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures a proof measured, printed as one block of {@code [proof]} lines that can be quoted as they are. */
final class Figures {

    private final String title;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    Figures(String title) {
        this.title = title;
    }

    Figures put(String name, Object value) {
        figures.put(name, value instanceof Duration duration ? seconds(duration) : value);
        return this;
    }

    void print() {
        StringBuilder block = new StringBuilder("[proof] ==== ").append(title).append(System.lineSeparator());
        figures.forEach((name, value) -> block.append("[proof] ").append(name).append(": ").append(value)
                .append(System.lineSeparator()));
        System.out.print(block);
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** An integer system property, so a run can take other counts than the issue's ({@code -Dproof.crash.requests=...}). */
    static int count(String property, int issueDefault) {
        return Integer.getInteger(property, issueDefault);
    }
}
