package io.github.atlassianlifecycle.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.support.ApiAnswerRecording.ApiAnswer;

/**
 * An OpenAPI 3 document as a client generator reads it: which operation a call is, which answers the operation
 * declares (status, media types, required headers). Enough to tell whether an answer is one the document declares.
 */
public final class OpenApiDocument {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^/}]+}");

    private final JsonNode document;

    public OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    /** The path template of the document that {@code path} is an instance of, if any (literal paths win). */
    public Optional<String> template(String path) {
        String match = null;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext();) {
            String template = it.next();
            if (template.equals(path)) {
                return Optional.of(template);
            }
            if (match == null && instanceOf(path, template)) {
                match = template;
            }
        }
        return Optional.ofNullable(match);
    }

    private static boolean instanceOf(String path, String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        int literal = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(literal, variable.start()))).append("[^/]+");
            literal = variable.end();
        }
        return path.matches(regex.append(Pattern.quote(template.substring(literal))).toString());
    }

    /** Every (method, template, status) the document declares, as {@code "GET /api/requests 200"}. */
    public TreeSet<String> declaredAnswers() {
        TreeSet<String> declared = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fieldNames().forEachRemaining(status ->
                        declared.add(key(operation.getKey(), path.getKey(), status)))));
        return declared;
    }

    public static String key(String method, String template, Object status) {
        return method.toUpperCase(Locale.ROOT) + " " + template + " " + status;
    }

    /** Why the document does not declare this answer; empty when it does. */
    public List<String> violations(ApiAnswer answer) {
        List<String> violations = new ArrayList<>();
        Optional<String> template = template(answer.path());
        if (template.isEmpty()) {
            violations.add(answer + ": the document has no path " + answer.path());
            return violations;
        }
        JsonNode operation = document.path("paths").path(template.get()).path(answer.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            violations.add(answer + ": the document has no operation " + answer.method() + " " + template.get());
            return violations;
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = resolve(firstPresent(responses, String.valueOf(answer.status()),
                answer.status() / 100 + "XX", "default"));
        if (response.isMissingNode()) {
            List<String> declared = new ArrayList<>();
            responses.fieldNames().forEachRemaining(declared::add);
            violations.add(answer + ": " + answer.method() + " " + template.get() + " declares only " + declared);
            return violations;
        }
        JsonNode content = response.path("content");
        if (answer.contentType() != null) {
            MediaType actual = MediaType.parseMediaType(answer.contentType());
            List<String> declaredTypes = new ArrayList<>();
            content.fieldNames().forEachRemaining(declaredTypes::add);
            if (declaredTypes.stream().map(MediaType::parseMediaType).noneMatch(type -> type.includes(actual))) {
                violations.add(answer + ": the document declares for " + answer.status() + " the content "
                        + declaredTypes + ", not " + actual);
            }
        } else if (!content.isEmpty()) {
            violations.add(answer + ": the document declares a body for " + answer.status() + ", the answer had none");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            if (resolve(header.getValue()).path("required").asBoolean()
                    && !answer.headers().contains(header.getKey().toLowerCase(Locale.ROOT))) {
                violations.add(answer + ": the document requires the header " + header.getKey() + ", it was missing");
            }
        }
        return violations;
    }

    private static JsonNode firstPresent(JsonNode responses, String... keys) {
        for (String key : keys) {
            if (responses.has(key)) {
                return responses.path(key);
            }
        }
        return responses.path("none");
    }

    /** A {@code $ref} to the document's components, followed; anything else as it is. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are supported: " + ref);
        }
        return resolve(document.at(ref.substring(1)));
    }
}
