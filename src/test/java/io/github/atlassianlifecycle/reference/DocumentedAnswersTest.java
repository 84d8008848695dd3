package io.github.atlassianlifecycle.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The documented answers and the reference schemas are written by hand from Atlassian's reference; these checks
 * keep the two honest with each other and complete for what the clients call.
 */
public class DocumentedAnswersTest {

    /** Where a documented answer may come from: Atlassian's references, and RFC 7644 for SCIM's error schema. */
    private static final Pattern SOURCES = Pattern.compile("https://(developer\\.atlassian\\.com|docs\\.atlassian\\.com"
            + "|datatracker\\.ietf\\.org/doc/html/rfc764[34]|www\\.rfc-editor\\.org/rfc/rfc764[34])[/.#].*");
    private static final Map<String, String> OPERATION_PREFIX = Map.of("organizations", "organizations.",
            "usermanagement", "userManagement.", "scim", "scim.", "jira", "jira.", "confluence", "confluence.",
            "bitbucket", "bitbucket.");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern CLIENT_OPERATION = Pattern.compile("\\.operation\\(\"([a-zA-Z]+\\.[a-zA-Z]+)\"\\)");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_family_has_documented_answers() {
        assertThat(DocumentedAnswers.FAMILIES).allSatisfy(family -> assertThat(DocumentedAnswers.of(family))
                .as("documented answers of %s", family).isNotEmpty());
    }

    @Test
    void every_documented_answer_names_its_page_its_call_and_its_status() {
        assertThat(DocumentedAnswers.all()).allSatisfy(answer -> {
            assertThat(answer.documentation()).as("%s: documentation", answer).isNotNull().matches(SOURCES);
            assertThat(answer.operation()).as("%s: operation", answer).isNotNull()
                    .startsWith(OPERATION_PREFIX.get(answer.family()));
            assertThat(answer.method()).as("%s: request.method", answer).isIn(METHODS);
            assertThat(answer.path()).as("%s: request.path", answer).isNotNull().startsWith("/");
            assertThat(answer.status()).as("%s: response.status", answer).isBetween(200, 599);
            assertThat(answer.name()).as("%s: the file is named <operation>.<status>[-variant]", answer)
                    .startsWith(answer.operation().substring(answer.operation().indexOf('.') + 1) + "."
                            + answer.status());
            if (answer.hasBody()) {
                assertThat(answer.contentType()).as("%s: response.contentType", answer).isNotBlank();
                assertThat(answer.schema()).as("%s: response.schema", answer).isNotBlank();
            } else {
                assertThat(answer.schema()).as("%s: a schema without a body", answer).isNull();
            }
            if (answer.status() == 204) {
                assertThat(answer.hasBody()).as("%s: a 204 has no body", answer).isFalse();
            }
        });
    }

    @Test
    void every_documented_body_is_valid_against_its_schema() throws Exception {
        for (DocumentedAnswer answer : DocumentedAnswers.all()) {
            if (answer.hasBody()) {
                assertThat(ReferenceSchemas.violations(answer.family(), answer.schema(),
                        json.writeValueAsString(answer.body()))).as("%s against %s", answer, answer.schema()).isEmpty();
            }
        }
    }

    @Test
    void every_schema_is_draft_2020_12_names_its_source_and_is_used() throws IOException {
        Set<String> used = new TreeSet<>();
        DocumentedAnswers.all().stream().filter(DocumentedAnswer::hasBody)
                .forEach(answer -> used.add(ReferenceSchemas.location(answer.family(), answer.schema())));
        List<String> schemas = new ArrayList<>();
        for (String family : DocumentedAnswers.FAMILIES) {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + DocumentedAnswers.ROOT + "/" + family + "/schemas/*.json")) {
                String location = ReferenceSchemas.location(family, file.getFilename());
                schemas.add(location);
                JsonNode schema = json.readTree(file.getInputStream());
                assertThat(schema.path("$schema").asText()).as("%s: $schema", location)
                        .isEqualTo(ReferenceSchemas.DRAFT_2020_12);
                assertThat(schema.path("description").asText()).as("%s: description names the reference page",
                        location).containsPattern(SOURCES);
                schema.findValues("$ref").forEach(ref -> used.add(ReferenceSchemas.location(family,
                        ref.asText().replaceFirst("#.*$", ""))));
            }
        }
        assertThat(schemas).as("schemas no documented answer or other schema uses").allMatch(used::contains);
    }

    @Test
    void every_operation_the_clients_call_has_a_documented_success() throws IOException {
        Set<String> documented = new TreeSet<>();
        DocumentedAnswers.all().stream().filter(DocumentedAnswer::isSuccess)
                .forEach(answer -> documented.add(answer.operation()));
        assertThat(clientOperations()).as("operations of src/main/java/.../client").isNotEmpty()
                .allSatisfy(operation -> assertThat(documented).as("a documented 2xx answer of %s", operation)
                        .contains(operation));
    }

    @Test
    void every_family_documents_its_refusals() {
        assertThat(DocumentedAnswers.FAMILIES).allSatisfy(family -> {
            assertThat(DocumentedAnswers.of(family)).as("%s: a documented 401", family)
                    .anyMatch(answer -> answer.status() == 401);
            assertThat(DocumentedAnswers.of(family)).as("%s: a documented 4xx other than 401", family)
                    .anyMatch(answer -> answer.status() >= 400 && answer.status() < 500 && answer.status() != 401);
        });
    }

    /** The operation names the clients declare: the one source of what the project calls. */
    public static Set<String> clientOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/github/atlassianlifecycle/client"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = CLIENT_OPERATION.matcher(Files.readString(file));
                while (matcher.find()) {
                    operations.add(matcher.group(1));
                }
            }
        }
        return operations;
    }
}
