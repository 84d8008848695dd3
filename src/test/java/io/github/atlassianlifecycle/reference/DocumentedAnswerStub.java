package io.github.atlassianlifecycle.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.transport.TransportSettings;

/**
 * Real clients held to Atlassian's documented answers: a {@link DocumentedAnswerServer} on loopback and the
 * production transport (camunda-connect, Apache HttpClient, the project's Jackson set-up) pointed at it. The
 * simulator plays no part. Register it on a test class as a static extension, one stub for the class:
 * <pre>{@code @RegisterExtension
 * static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forFamily("jira");}</pre>
 *
 * <p>{@link #answered} and {@link #refused} feed a documented answer to one call of the client, check that the client
 * made the documented call (method and path, fixed query values included) and note the answer as fed. Before each
 * test the stub forgets earlier calls; after the class, every answer it was made for must have been fed by some
 * test, so a documented answer without a test fails the build.
 */
public final class DocumentedAnswerStub implements BeforeEachCallback, AfterAllCallback {

    /** Any Bearer: the stub checks calls, not credentials. */
    public static final Credential KEY = Credential.bearer("documented-answers-key");

    private final String family;
    private final List<DocumentedAnswer> toBeFed;
    private final Set<String> fed = new ConcurrentSkipListSet<>();
    private final DocumentedAnswerServer server = DocumentedAnswerServer.start();
    private final AtlassianHttpTransport transport = new AtlassianHttpTransport(
            new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, "documented-answers-test"),
            JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC());

    private DocumentedAnswerStub(String family, List<DocumentedAnswer> toBeFed) {
        this.family = family;
        this.toBeFed = List.copyOf(toBeFed);
    }

    /** For one family's client: by the end of the class, every documented answer of the family has been fed. */
    public static DocumentedAnswerStub forFamily(String family) {
        return new DocumentedAnswerStub(family, DocumentedAnswers.of(family));
    }

    /** For a test across families: by the end of the class, each of {@code answers} has been fed. */
    public static DocumentedAnswerStub forAnswers(List<DocumentedAnswer> answers) {
        return new DocumentedAnswerStub(null, answers);
    }

    public AtlassianHttpTransport transport() {
        return transport;
    }

    /** The stub as the family's API, signed in with {@link #KEY}. */
    public ApiEndpoint endpoint(ApiFamily api) {
        return endpoint(api, KEY);
    }

    /** The stub as the family's API, signed in with {@code credential} (the stub does not check it). */
    public ApiEndpoint endpoint(ApiFamily api, Credential credential) {
        return new ApiEndpoint(api, server.baseUrl(), credential);
    }

    /** The documented answer of this stub's family named {@code name}, e.g. {@code getUser.200}. */
    public DocumentedAnswer documented(String name) {
        if (family == null) {
            throw new IllegalStateException("a stub across families has no answer named " + name + " of its own");
        }
        return DocumentedAnswers.named(family, name);
    }

    /** The documented body of {@code name}: what the assertions compare the client's reading with. */
    public JsonNode body(String name) {
        DocumentedAnswer answer = documented(name);
        assertThat(answer.hasBody()).as("%s documents a body", answer).isTrue();
        return answer.body();
    }

    // ---- feeding answers to calls

    /** Feeds the documented answer {@code name} to {@code call} and returns what the client made of it. */
    public <T> T answered(String name, Supplier<T> call) {
        return answered(documented(name), call);
    }

    /** {@link #answered(String, Supplier)} for a call that returns nothing. */
    public void answered(String name, Runnable call) {
        answered(documented(name), call);
    }

    /** Feeds {@code served} to {@code call}; noted as fed when it is a documented answer, not one derived from it. */
    public <T> T answered(DocumentedAnswer served, Supplier<T> call) {
        return answer(served, fedAs(served), call);
    }

    public void answered(DocumentedAnswer served, Runnable call) {
        answered(served, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Feeds {@code served}, an answer derived from the documented {@code name} for a reason the test states, and
     * notes {@code name} as fed.
     */
    public <T> T answered(DocumentedAnswer served, String name, Supplier<T> call) {
        return answer(served, documented(name).toString(), call);
    }

    private <T> T answer(DocumentedAnswer served, String fedAs, Supplier<T> call) {
        int before = server.received().size();
        server.answer(served);
        T result = call.get();
        calledOnceAsDocumented(served, fedAs, before);
        return result;
    }

    /**
     * Feeds the documented answers {@code names}, in turn, to the calls {@code call} makes (a read-then-change
     * helper makes two), and checks each call was the documented one.
     */
    public <T> T answeredInTurn(List<String> names, Supplier<T> call) {
        int before = server.received().size();
        names.forEach(name -> server.answer(documented(name)));
        T result = call.get();
        List<Exchange> all = server.received();
        List<Exchange> received = all.subList(before, all.size());
        assertThat(received).as("calls answered by %s", names).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            calledAsDocumented(documented(names.get(i)), documented(names.get(i)).toString(), received.get(i));
        }
        return result;
    }

    /**
     * Feeds the documented refusal {@code name} to {@code call}, which must then throw an
     * {@link AtlassianApiException} with the documented status and the kind that status calls for.
     */
    public AtlassianApiException refused(String name, Runnable call) {
        return refused(documented(name), call);
    }

    public AtlassianApiException refused(DocumentedAnswer served, Runnable call) {
        return withTheKindOfItsStatus(served, fail(served, fedAs(served), call));
    }

    /** {@link #refused(String, Runnable)} with {@code served} derived from the documented {@code name}. */
    public AtlassianApiException refused(DocumentedAnswer served, String name, Runnable call) {
        return withTheKindOfItsStatus(served, fail(served, documented(name).toString(), call));
    }

    private static AtlassianApiException withTheKindOfItsStatus(DocumentedAnswer served, AtlassianApiException e) {
        assertThat(e.kind()).as("%s: kind", served).isEqualTo(AtlassianApiException.kindOf(served.status()));
        return e;
    }

    /**
     * Feeds {@code served} to {@code call}, which must then throw an {@link AtlassianApiException} with its status;
     * the kind is the test's to check (an endpoint gone, a wrong setting).
     */
    public AtlassianApiException failed(DocumentedAnswer served, Runnable call) {
        return fail(served, fedAs(served), call);
    }

    private AtlassianApiException fail(DocumentedAnswer served, String fedAs, Runnable call) {
        int before = server.received().size();
        server.answer(served);
        AtlassianApiException thrown = catchThrowableOfType(AtlassianApiException.class, call::run);
        calledOnceAsDocumented(served, fedAs, before);
        assertThat(thrown).as("%s: the client throws", served).isNotNull();
        assertThat(thrown.status()).as("%s: status", served).isEqualTo(served.status());
        return thrown;
    }

    /**
     * The documented call of {@code name} made against an endpoint that is not there: answered 410 (with the
     * documented body, if any), 404 without a body, and 404 in a gateway's JSON rather than the API's own shape.
     * Each must fail as {@link AtlassianApiException.Kind#ENDPOINT_UNAVAILABLE}: a gone endpoint is never read as
     * "the account is absent". Derived answers: {@code name} is not noted as fed.
     */
    public void unavailableWhenGone(String name, Runnable call) {
        DocumentedAnswer documented = documented(name);
        JsonNode gateway = JsonMapper.builder().build().createObjectNode().put("code", 404).put("message", "Not Found");
        for (DocumentedAnswer gone : List.of(
                documented.answeredWith(410, documented.contentType(), documented.body()),
                documented.answeredWith(404, null, null),
                documented.answeredWith(404, "application/json", gateway))) {
            int before = server.received().size();
            server.answer(gone);
            AtlassianApiException thrown = catchThrowableOfType(AtlassianApiException.class, call::run);
            calledOnceAsDocumented(gone, null, before);
            assertThat(thrown).as("%s answered %s: the client throws", name, gone.status()).isNotNull();
            assertThat(thrown.kind()).as("%s answered %s: kind", name, gone.status())
                    .isEqualTo(AtlassianApiException.Kind.ENDPOINT_UNAVAILABLE);
        }
    }

    /**
     * Notes a documented answer no client call can be fed, because no client calls its endpoint any more (deprecated,
     * with a successor in use), as accounted for; the test checks that no client calls it.
     */
    public void neverCalled(DocumentedAnswer answer) {
        fed.add(answer.toString());
    }

    /** The request the stub received last: its query and body, for what the client sent. */
    public Exchange lastCall() {
        return server.lastReceived();
    }

    // ---- the checks

    /** What feeding {@code served} counts as: itself when documented, nothing when derived from a documented one. */
    private static String fedAs(DocumentedAnswer served) {
        return DocumentedAnswers.all().contains(served) ? served.toString() : null;
    }

    private void calledOnceAsDocumented(DocumentedAnswer served, String fedAs, int callsBefore) {
        List<Exchange> received = server.received();
        assertThat(received.subList(callsBefore, received.size())).as("%s: the client's calls", served).hasSize(1);
        calledAsDocumented(served, fedAs, received.get(received.size() - 1));
    }

    /** The client called {@code served}'s documented method and path; then {@code fedAs} (if any) counts as fed. */
    private void calledAsDocumented(DocumentedAnswer served, String fedAs, Exchange call) {
        assertThat(call.status()).as("%s: the client called %s %s%s, documented %s %s (%s)", served, call.method(),
                call.path(), call.query() == null ? "" : "?" + call.query(), served.method(), served.path(),
                call.responseBody()).isNotEqualTo(DocumentedAnswerServer.WRONG_CALL);
        assertThat(call.method()).isEqualTo(served.method());
        assertThat(PathTemplate.of(served.path()).matches(call.path(), call.query())).isTrue();
        if (fedAs != null) {
            fed.add(fedAs);
        }
    }

    // ---- the test class's lifecycle

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            Set<String> unfed = new TreeSet<>();
            toBeFed.forEach(answer -> unfed.add(answer.toString()));
            unfed.removeAll(fed);
            assertThat(unfed).as("documented answers no test of %s fed to the client",
                    Objects.requireNonNullElse(family, "these families")).isEmpty();
        } finally {
            server.close();
            try {
                transport.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
