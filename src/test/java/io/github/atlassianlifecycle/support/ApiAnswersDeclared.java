package io.github.atlassianlifecycle.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.support.ApiAnswerRecording.ApiAnswer;

/**
 * After each test class of the shared demo context: every answer the request API gave during the class (recorded
 * by {@link ApiAnswerRecording}) is one that {@code /v3/api-docs} declares for that operation — status, media type,
 * required headers — or the class fails. Checked per class, so the order in which failsafe runs the classes does
 * not matter and a class run alone is checked too.
 *
 * <p>At the end of the run, the answers the document declares but no test received are printed: a declared
 * answer nobody exercises is a gap in the tests, not a lie of the document, so it does not fail the build.
 */
public class ApiAnswersDeclared implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApiAnswersDeclared.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("from", ApiAnswerRecording.RECORDED.size());
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(NeverObserved.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        int from = context.getStore(NAMESPACE).get("from", Integer.class);
        List<ApiAnswer> answers = List.copyOf(ApiAnswerRecording.RECORDED.subList(from, ApiAnswerRecording.RECORDED.size()));
        if (answers.isEmpty()) {
            return;
        }
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        OpenApiDocument document = fetch(spring.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(NeverObserved.class).document = document;

        Set<String> violations = new LinkedHashSet<>();
        Set<String> distinct = new TreeSet<>();
        for (ApiAnswer answer : answers) {
            violations.addAll(document.violations(answer));
            document.template(answer.path()).ifPresent(template ->
                    distinct.add(OpenApiDocument.key(answer.method(), template, answer.status())));
        }
        String name = context.getRequiredTestClass().getSimpleName();
        System.out.println("ApiAnswersDeclared: " + name + ": " + answers.size() + " answers of the request API, "
                + distinct.size() + " distinct " + distinct + ", " + violations.size() + " not declared");
        if (!violations.isEmpty()) {
            throw new AssertionError(name + ": the request API gave answers /v3/api-docs does not declare:\n  "
                    + String.join("\n  ", violations));
        }
    }

    private static OpenApiDocument fetch(int port) throws Exception {
        String body = RestClient.create().get().uri("http://127.0.0.1:" + port + "/v3/api-docs")
                .headers(h -> h.setBasicAuth("demo", "demo")).retrieve().body(String.class);
        return new OpenApiDocument(JSON.readTree(body));
    }

    /** Printed when the whole run ends: what the document declares that no test class received. */
    static final class NeverObserved implements ExtensionContext.Store.CloseableResource {

        volatile OpenApiDocument document;

        @Override
        public void close() {
            if (document == null) {
                return;
            }
            TreeSet<String> unseen = document.declaredAnswers();
            for (ApiAnswer answer : new ArrayList<>(ApiAnswerRecording.RECORDED)) {
                document.template(answer.path()).ifPresent(template ->
                        unseen.remove(OpenApiDocument.key(answer.method(), template, answer.status())));
            }
            System.out.println("ApiAnswersDeclared: declared in /v3/api-docs but received by no test in this run ("
                    + unseen.size() + "): " + unseen);
        }
    }
}
