package io.github.atlassianlifecycle.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.transport.TransportSettings;

/**
 * A family's client held to Atlassian's documented answers: a subclass feeds each documented answer of its family
 * to the real client, through the real {@link AtlassianHttpTransport} and a {@link DocumentedAnswerServer} on
 * loopback, and asserts what the client makes of it against the fixture's own body. The simulator plays no part.
 *
 * <p>{@link #answered} and {@link #refused} check that the client made the documented call (method and path, fixed
 * query values included) and note the answer as exercised; when the class is done, every documented answer of the
 * family must have been exercised by some test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientAgainstDocumentedAnswers {

    private final Set<String> exercised = new ConcurrentSkipListSet<>();
    private DocumentedAnswerServer atlassian;
    private AtlassianHttpTransport transport;

    /** The family's folder under {@code src/test/resources/atlassian}, e.g. {@code scim}. */
    protected abstract String family();

    @BeforeAll
    void startTheStub() {
        atlassian = DocumentedAnswerServer.start();
        transport = new AtlassianHttpTransport(new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4,
                "atlassian-lifecycle-test"), JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC());
    }

    @BeforeEach
    void forgetEarlierCalls() {
        atlassian.reset();
    }

    protected AtlassianHttpTransport transport() {
        return transport;
    }

    /** The stub as the family's API, signed in with {@code credential} (the stub does not check it). */
    protected ApiEndpoint endpoint(ApiFamily family, Credential credential) {
        return new ApiEndpoint(family, atlassian.baseUrl(), credential);
    }

    /** The documented answer of this family named {@code name}, e.g. {@code getUser.200}. */
    protected DocumentedAnswer documented(String name) {
        return DocumentedAnswers.named(family(), name);
    }

    /** The documented body of {@code name}: what the assertions compare the client's reading with. */
    protected JsonNode body(String name) {
        DocumentedAnswer answer = documented(name);
        assertThat(answer.hasBody()).as("%s documents a body", answer).isTrue();
        return answer.body();
    }

    /** Feeds the documented success {@code name} to {@code call} and returns what the client made of it. */
    protected <T> T answered(String name, Supplier<T> call) {
        return answered(documented(name), name, call);
    }

    /**
     * Feeds {@code served} (a documented answer, or one derived from {@code name} for a reason the test states)
     * and notes {@code name} as exercised.
     */
    protected <T> T answered(DocumentedAnswer served, String name, Supplier<T> call) {
        atlassian.answer(served);
        T result = call.get();
        calledAsDocumented(served, name);
        return result;
    }

    /**
     * Feeds the documented answers {@code names}, in turn, to the calls {@code call} makes (a read-then-change
     * helper makes two), and checks each call was the documented one.
     */
    protected <T> T answeredInTurn(List<String> names, Supplier<T> call) {
        int before = atlassian.received().size();
        names.forEach(name -> atlassian.answer(documented(name)));
        T result = call.get();
        List<Exchange> all = atlassian.received();
        List<Exchange> received = all.subList(before, all.size());
        assertThat(received).as("calls answered by %s", names).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            calledAsDocumented(documented(names.get(i)), names.get(i), received.get(i));
        }
        return result;
    }

    /** {@link #answered} for a call that returns nothing. */
    protected void answered(String name, Runnable call) {
        answered(name, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Feeds the documented refusal {@code name} to {@code call}, which must then throw an
     * {@link AtlassianApiException} with the documented status and the kind that status calls for.
     */
    protected AtlassianApiException refused(String name, Runnable call) {
        return refused(documented(name), name, call);
    }

    protected AtlassianApiException refused(DocumentedAnswer served, String name, Runnable call) {
        atlassian.answer(served);
        AtlassianApiException thrown = catchThrowableOfType(AtlassianApiException.class, call::run);
        calledAsDocumented(served, name);
        assertThat(thrown).as("%s: the client throws", name).isNotNull();
        assertThat(thrown.status()).as("%s: status", name).isEqualTo(served.status());
        assertThat(thrown.kind()).as("%s: kind", name).isEqualTo(AtlassianApiException.kindOf(served.status()));
        return thrown;
    }

    /**
     * The documented call of {@code name} made against an endpoint that is not there: answered 410 (with the
     * documented body, if any), 404 without a body, and 404 in a gateway's JSON rather than the API's own shape.
     * Each must fail as {@link AtlassianApiException.Kind#ENDPOINT_UNAVAILABLE}: a gone endpoint is never read as
     * "the account is absent".
     */
    protected void unavailableWhenGone(String name, Runnable call) {
        DocumentedAnswer documented = documented(name);
        JsonNode gateway = JsonMapper.builder().build().createObjectNode().put("code", 404).put("message", "Not Found");
        for (DocumentedAnswer gone : List.of(
                documented.answeredWith(410, documented.contentType(), documented.body()),
                documented.answeredWith(404, null, null),
                documented.answeredWith(404, "application/json", gateway))) {
            atlassian.answer(gone);
            AtlassianApiException thrown = catchThrowableOfType(AtlassianApiException.class, call::run);
            madeTheDocumentedCall(gone, name, atlassian.lastReceived());
            assertThat(thrown).as("%s answered %s: the client throws", name, gone.status()).isNotNull();
            assertThat(thrown.kind()).as("%s answered %s: kind", name, gone.status())
                    .isEqualTo(AtlassianApiException.Kind.ENDPOINT_UNAVAILABLE);
        }
    }

    /** The request the stub received last: its query and body, for what the client sent. */
    protected Exchange lastCall() {
        return atlassian.lastReceived();
    }

    private void calledAsDocumented(DocumentedAnswer served, String name) {
        List<Exchange> received = atlassian.received();
        assertThat(received).as("%s: the client's calls", name).isNotEmpty();
        calledAsDocumented(served, name, received.get(received.size() - 1));
    }

    private void calledAsDocumented(DocumentedAnswer served, String name, Exchange call) {
        madeTheDocumentedCall(served, name, call);
        exercised.add(name);
    }

    private static void madeTheDocumentedCall(DocumentedAnswer served, String name, Exchange call) {
        assertThat(call.status()).as("%s: the client called %s %s%s, documented %s %s", name, call.method(),
                call.path(), call.query() == null ? "" : "?" + call.query(), served.method(), served.path())
                .isNotEqualTo(DocumentedAnswerServer.WRONG_CALL);
        assertThat(call.method()).isEqualTo(served.method());
        assertThat(PathTemplate.of(served.path()).matches(call.path(), call.query())).isTrue();
    }

    @AfterAll
    void everyDocumentedAnswerWasFedToTheClient() {
        try {
            Set<String> documentedNames = new TreeSet<>();
            DocumentedAnswers.of(family()).forEach(answer -> documentedNames.add(answer.name()));
            documentedNames.removeAll(exercised);
            assertThat(documentedNames).as("documented answers of %s no test fed to the client", family()).isEmpty();
        } finally {
            atlassian.close();
            try {
                transport.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
