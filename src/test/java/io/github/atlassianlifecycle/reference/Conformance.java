package io.github.atlassianlifecycle.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds what crossed the wire against what Atlassian documents. An exchange is an instance of a documented answer
 * when method, path template and status are the documented ones, its media type is the documented one, its body is
 * valid against the documented schema (or absent when the answer has none), the documented headers are there, and
 * the answer's {@code distinguishedBy} values match.
 */
public final class Conformance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Conformance() {
    }

    /** Why each exchange is not an instance of any documented answer of its family; empty when all are. */
    public static List<String> undocumented(String family, List<Exchange> exchanges) {
        List<String> problems = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            List<DocumentedAnswer> candidates = candidates(family, exchange);
            if (candidates.isEmpty()) {
                problems.add(exchange + ": the reference documents no " + exchange.status() + " for this call"
                        + documentedStatuses(family, exchange));
                continue;
            }
            List<String> why = new ArrayList<>();
            boolean matched = false;
            for (DocumentedAnswer answer : candidates) {
                List<String> mismatches = mismatches(answer, exchange);
                if (mismatches.isEmpty()) {
                    matched = true;
                    break;
                }
                why.add(answer + ": " + String.join("; ", mismatches));
            }
            if (!matched) {
                problems.add(exchange + " is not as documented — " + String.join(" | ", why)
                        + (exchange.hasResponseBody() ? " — body: " + abbreviate(exchange.responseBody()) : ""));
            }
        }
        return problems;
    }

    /** The documented answers of this family that no exchange was an instance of. */
    public static List<DocumentedAnswer> unseen(String family, List<Exchange> exchanges) {
        return DocumentedAnswers.of(family).stream()
                .filter(answer -> exchanges.stream().noneMatch(exchange -> instanceOf(answer, exchange)))
                .toList();
    }

    static boolean instanceOf(DocumentedAnswer answer, Exchange exchange) {
        return candidates(answer.family(), exchange).contains(answer) && mismatches(answer, exchange).isEmpty();
    }

    /** The documented answers with this exchange's method and status, on the closest matching path template. */
    static List<DocumentedAnswer> candidates(String family, Exchange exchange) {
        List<DocumentedAnswer> sameCall = sameCall(family, exchange);
        return sameCall.stream().filter(answer -> answer.status() == exchange.status()).toList();
    }

    private static List<DocumentedAnswer> sameCall(String family, Exchange exchange) {
        List<DocumentedAnswer> matching = DocumentedAnswers.of(family).stream()
                .filter(answer -> answer.method().equals(exchange.method())
                        && PathTemplate.of(answer.path()).matches(exchange.path(), exchange.query()))
                .toList();
        int closest = matching.stream().mapToInt(answer -> PathTemplate.of(answer.path()).fixedParts()).max()
                .orElse(0);
        return matching.stream().filter(answer -> PathTemplate.of(answer.path()).fixedParts() == closest)
                .sorted(Comparator.comparing(DocumentedAnswer::name)).toList();
    }

    private static String documentedStatuses(String family, Exchange exchange) {
        List<Integer> statuses = sameCall(family, exchange).stream().map(DocumentedAnswer::status).distinct().sorted()
                .toList();
        return statuses.isEmpty() ? " (nor any answer to " + exchange.method() + " " + exchange.path() + ")"
                : " (documented: " + statuses + ")";
    }

    static List<String> mismatches(DocumentedAnswer answer, Exchange exchange) {
        List<String> mismatches = new ArrayList<>();
        if (!answer.hasBody()) {
            if (exchange.hasResponseBody()) {
                mismatches.add("documented without a body, answered one");
            }
        } else if (!exchange.hasResponseBody()) {
            mismatches.add("documented with a body, answered none");
        } else {
            String documentedType = answer.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
            if (!documentedType.equals(exchange.mediaType())) {
                mismatches.add("Content-Type " + exchange.mediaType() + ", documented " + documentedType);
            }
            List<String> violations = ReferenceSchemas.violations(answer.family(), answer.schema(),
                    exchange.responseBody());
            if (!violations.isEmpty()) {
                mismatches.add("against " + answer.schema() + ": " + String.join(", ", violations));
            } else {
                mismatches.addAll(distinguishing(answer, exchange));
            }
        }
        answer.headers().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !exchange.responseHeaders().containsKey(name))
                .forEach(name -> mismatches.add("no " + name + " header"));
        return mismatches;
    }

    private static List<String> distinguishing(DocumentedAnswer answer, Exchange exchange) {
        List<String> mismatches = new ArrayList<>();
        JsonNode body;
        try {
            body = JSON.readTree(exchange.responseBody());
        } catch (Exception e) {
            return List.of("body is not JSON");
        }
        for (String pointer : answer.distinguishedBy()) {
            JsonNode documented = answer.body().at(pointer);
            JsonNode seen = body.at(pointer);
            if (!Objects.equals(documented, seen)) {
                mismatches.add(pointer + " is " + seen + ", documented " + documented);
            }
        }
        return mismatches;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
