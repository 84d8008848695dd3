package io.github.atlassianlifecycle.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every documented answer under {@code classpath:atlassian/<family>/*.json}, read once. */
public final class DocumentedAnswers {

    public static final String ROOT = "atlassian";
    /** The API families, as folders; each mirrors a package of {@code client/}. */
    public static final List<String> FAMILIES = List.of("organizations", "usermanagement", "scim", "jira",
            "confluence", "bitbucket");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile List<DocumentedAnswer> all;

    private DocumentedAnswers() {
    }

    public static List<DocumentedAnswer> all() {
        List<DocumentedAnswer> answers = all;
        if (answers == null) {
            answers = List.copyOf(load());
            all = answers;
        }
        return answers;
    }

    public static List<DocumentedAnswer> of(String family) {
        return all().stream().filter(answer -> answer.family().equals(family)).toList();
    }

    /** The documented answer of this family with this name ({@code user.200}); fails when there is none. */
    public static DocumentedAnswer named(String family, String name) {
        return of(family).stream().filter(answer -> answer.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no documented answer " + family + "/" + name
                        + ".json under src/test/resources/" + ROOT));
    }

    /** The documented answers of one operation, by status. */
    public static Map<Integer, List<DocumentedAnswer>> ofOperation(String operation) {
        Map<Integer, List<DocumentedAnswer>> byStatus = new LinkedHashMap<>();
        all().stream().filter(answer -> answer.operation().equals(operation))
                .forEach(answer -> byStatus.computeIfAbsent(answer.status(), s -> new ArrayList<>()).add(answer));
        return byStatus;
    }

    private static List<DocumentedAnswer> load() {
        List<DocumentedAnswer> answers = new ArrayList<>();
        try {
            for (String family : FAMILIES) {
                Resource[] files = new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + ROOT + "/" + family + "/*.json");
                for (Resource file : files) {
                    answers.add(read(family, file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        answers.sort(Comparator.comparing(DocumentedAnswer::toString));
        return answers;
    }

    private static DocumentedAnswer read(String family, Resource file) throws IOException {
        String location = ROOT + "/" + family + "/" + file.getFilename();
        try (InputStream in = file.getInputStream()) {
            JsonNode root = JSON.readTree(in);
            JsonNode request = root.path("request");
            JsonNode response = root.path("response");
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            List<String> distinguishedBy = new ArrayList<>();
            response.path("distinguishedBy").forEach(pointer -> distinguishedBy.add(pointer.asText()));
            return new DocumentedAnswer(location, family, text(root, "documentation"), text(root, "operation"),
                    text(request, "method"), text(request, "path"), response.path("status").asInt(-1),
                    text(response, "contentType"), headers, response.get("body"), text(response, "schema"),
                    distinguishedBy, text(root, "note"));
        } catch (IOException e) {
            throw new IOException("cannot read documented answer " + location + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
